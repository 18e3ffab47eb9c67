using { AccountService } from '../../srv/accounts/accounts-service';

// What Fiori elements may offer on the account data beyond the service's own restrictions (all read-only).

// Collections of primitive values cannot be filtered or sorted by CAP.
annotate AccountService.Directories with @(
  Capabilities.FilterRestrictions.NonFilterableProperties: [directoryFeatures],
  Capabilities.SortRestrictions.NonSortableProperties    : [directoryFeatures]
);

// Only the entities with @cds.search (names) are searchable; the others offer no search field.
annotate AccountService.SubaccountLabels with @Capabilities.SearchRestrictions.Searchable: false;
annotate AccountService.DirectoryLabels with @Capabilities.SearchRestrictions.Searchable: false;
annotate AccountService.Entitlements with @Capabilities.SearchRestrictions.Searchable: false;

// Filtering subaccounts by directory picks the directory from a list, showing its name.
annotate AccountService.Subaccounts with {
  directory @Common.ValueList: {
    CollectionPath: 'Directories',
    Parameters    : [
      { $Type: 'Common.ValueListParameterInOut', LocalDataProperty: directory_guid, ValueListProperty: 'guid' },
      { $Type: 'Common.ValueListParameterDisplayOnly', ValueListProperty: 'displayName' }
    ]
  };
}

annotate AccountService.Directories with {
  parent @Common.ValueList: {
    CollectionPath: 'Directories',
    Parameters    : [
      { $Type: 'Common.ValueListParameterInOut', LocalDataProperty: parent_guid, ValueListProperty: 'guid' },
      { $Type: 'Common.ValueListParameterDisplayOnly', ValueListProperty: 'displayName' }
    ]
  };
}
