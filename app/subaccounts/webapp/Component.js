sap.ui.define(['sap/ui/core/UIComponent'], UIComponent => {
  'use strict'

  /** tenant-hub for a subscriber's users: its BTP account data; the OData service is AccountService. */
  return UIComponent.extend('tenanthub.subaccounts.Component', {
    metadata: { manifest: 'json', interfaces: ['sap.ui.core.IAsyncContentCreation'] }
  })
})
