sap.ui.define([], () => {
  'use strict'

  /** Value states (sap.ui.core.ValueState names) for the codes AdminService answers with. */
  return {
    /** DriftKind: a missing route cuts a tenant off; the others are untidy but serve. */
    driftState: kind => (kind === 'MissingRoute' || kind === 'UnmappedRoute' ? 'Error' : 'Warning'),
    /** RepairOutcome. */
    outcomeState: outcome => ({ Done: 'Success', Planned: 'Information', Failed: 'Error', Skipped: 'Warning' })[outcome] ?? 'None',
    /** CheckStatus. */
    checkState: status => ({ OK: 'Success', Failed: 'Error', Skipped: 'None' })[status] ?? 'None',
    /** AppState. */
    appState: state => (state === 'STARTED' ? 'Success' : 'Warning'),
    mappedState: mapped => (mapped ? 'Success' : 'Error')
  }
})
