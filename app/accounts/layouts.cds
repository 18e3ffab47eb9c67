using { AccountService } from '../../srv/accounts/accounts-service';

// Fiori elements layouts of the account data: list reports and object pages for Subaccounts and Directories,
// and the tables their object pages show.

annotate AccountService.Subaccounts with @(
  UI.HeaderInfo         : {
    TypeName       : '{i18n>Subaccount}',
    TypeNamePlural : '{i18n>Subaccounts}',
    Title          : { Value: displayName },
    Description    : { Value: subdomain }
  },
  UI.SelectionFields    : [region, state_code, usedForProduction_code, directory_guid, betaEnabled],
  UI.LineItem           : [
    { Value: displayName },
    { Value: subdomain },
    { Value: region },
    { Value: state_code, Criticality: state.criticality },
    { Value: usedForProduction_code },
    { Value: directory_guid },
    { Value: createdDate }
  ],
  UI.PresentationVariant: { SortOrder: [{ Property: displayName }], Visualizations: ['@UI.LineItem'] },
  UI.HeaderFacets       : [{ $Type: 'UI.ReferenceFacet', Target: '@UI.DataPoint#State' }],
  UI.DataPoint #State   : { Value: state_code, Title: '{i18n>State}', Criticality: state.criticality },
  UI.FieldGroup #General: { Data: [
    { Value: displayName },
    { Value: description },
    { Value: subdomain },
    { Value: technicalName },
    { Value: guid },
    { Value: region },
    { Value: usedForProduction_code },
    { Value: betaEnabled },
    { Value: directory_guid },
    { Value: globalAccount_guid }
  ] },
  UI.FieldGroup #Lifecycle: { Data: [
    { Value: state_code, Criticality: state.criticality },
    { Value: stateMessage },
    { Value: contractStatus },
    { Value: createdDate },
    { Value: createdBy },
    { Value: modifiedDate },
    { Value: lastModifiedBy },
    { Value: forceDeleteRequestTime },
    { Value: forceDeleteTargetTime }
  ] },
  UI.Facets             : [
    { $Type: 'UI.ReferenceFacet', ID: 'General', Label: '{i18n>General}', Target: '@UI.FieldGroup#General' },
    { $Type: 'UI.ReferenceFacet', ID: 'Lifecycle', Label: '{i18n>Lifecycle}', Target: '@UI.FieldGroup#Lifecycle' },
    { $Type: 'UI.ReferenceFacet', ID: 'Labels', Label: '{i18n>Labels}', Target: 'labels/@UI.LineItem' },
    { $Type: 'UI.ReferenceFacet', ID: 'Entitlements', Label: '{i18n>Entitlements}', Target: 'entitlements/@UI.LineItem' },
    { $Type: 'UI.ReferenceFacet', ID: 'DataCenters', Label: '{i18n>DataCenters}', Target: 'dataCenters/@UI.LineItem' }
  ]
);

annotate AccountService.Directories with @(
  UI.HeaderInfo         : {
    TypeName       : '{i18n>Directory}',
    TypeNamePlural : '{i18n>Directories}',
    Title          : { Value: displayName },
    Description    : { Value: description }
  },
  UI.SelectionFields    : [directoryType_code, entityState_code, parent_guid],
  UI.LineItem           : [
    { Value: displayName },
    { Value: directoryType_code },
    { Value: parent_guid },
    { Value: entityState_code, Criticality: entityState.criticality },
    { Value: subdomain },
    { Value: createdDate }
  ],
  UI.PresentationVariant: { SortOrder: [{ Property: displayName }], Visualizations: ['@UI.LineItem'] },
  UI.FieldGroup #General: { Data: [
    { Value: displayName },
    { Value: description },
    { Value: guid },
    { Value: directoryType_code },
    { Value: directoryFeatures },
    { Value: subdomain },
    { Value: parent_guid },
    { Value: globalAccount_guid }
  ] },
  UI.FieldGroup #Lifecycle: { Data: [
    { Value: entityState_code, Criticality: entityState.criticality },
    { Value: stateMessage },
    { Value: contractStatus },
    { Value: createdDate },
    { Value: createdBy },
    { Value: modifiedDate }
  ] },
  UI.Facets             : [
    { $Type: 'UI.ReferenceFacet', ID: 'General', Label: '{i18n>General}', Target: '@UI.FieldGroup#General' },
    { $Type: 'UI.ReferenceFacet', ID: 'Lifecycle', Label: '{i18n>Lifecycle}', Target: '@UI.FieldGroup#Lifecycle' },
    { $Type: 'UI.ReferenceFacet', ID: 'Children', Label: '{i18n>Subdirectories}', Target: 'children/@UI.LineItem' },
    { $Type: 'UI.ReferenceFacet', ID: 'Subaccounts', Label: '{i18n>Subaccounts}', Target: 'subaccounts/@UI.LineItem' },
    { $Type: 'UI.ReferenceFacet', ID: 'Labels', Label: '{i18n>Labels}', Target: 'labels/@UI.LineItem' },
    { $Type: 'UI.ReferenceFacet', ID: 'Entitlements', Label: '{i18n>Entitlements}', Target: 'entitlements/@UI.LineItem' }
  ]
);

annotate AccountService.SubaccountLabels with @UI.LineItem: [
  { Value: name },
  { Value: value }
];

annotate AccountService.DirectoryLabels with @UI.LineItem: [
  { Value: name },
  { Value: value }
];

annotate AccountService.Entitlements with @UI.LineItem: [
  { Value: servicePlan.serviceDisplayName, Label: '{i18n>Service}' },
  { Value: servicePlan_name },
  { Value: amount },
  { Value: unlimitedAmountAssigned },
  { Value: autoAssigned },
  { Value: entityState }
];

annotate AccountService.DataCenters with @UI.LineItem: [
  { Value: displayName },
  { Value: region },
  { Value: environment },
  { Value: iaasProvider },
  { Value: geoAccess }
];

annotate AccountService.ServicePlans with @(
  UI.HeaderInfo     : {
    TypeName       : '{i18n>ServicePlan}',
    TypeNamePlural : '{i18n>ServicePlans}',
    Title          : { Value: displayName },
    Description    : { Value: serviceDisplayName }
  },
  UI.SelectionFields: [serviceName, category, businessCategory],
  UI.LineItem       : [
    { Value: serviceDisplayName },
    { Value: displayName },
    { Value: category },
    { Value: amount },
    { Value: remainingAmount },
    { Value: unlimited }
  ]
);
