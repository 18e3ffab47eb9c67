namespace tenanthub;

/**
 * The account replica: each tenant's own copy of the BTP account data it may see, synced from the
 * Cloud Management Service (CIS). Keys are the CIS GUIDs; dates are converted from CIS epoch milliseconds.
 */

entity GlobalAccounts {
  key guid         : String(36);
      displayName  : String(255);
      description  : String(1000);
      subdomain    : String(255);
      licenseType  : String(40);
      geoAccess    : String(40);
      entityState  : String(40);
      createdDate  : Timestamp;
      modifiedDate : Timestamp;
      directories  : Association to many Directories on directories.globalAccount = $self;
      subaccounts  : Association to many Subaccounts on subaccounts.globalAccount = $self;
}

entity Directories {
  key guid          : String(36);
      displayName   : String(255);
      description   : String(1000);
      entityState   : String(40);
      globalAccount : Association to GlobalAccounts;
      parent        : Association to Directories;
      children      : Association to many Directories on children.parent = $self;
      subaccounts   : Association to many Subaccounts on subaccounts.directory = $self;
      createdDate   : Timestamp;
      modifiedDate  : Timestamp;
}

entity Subaccounts {
  key guid              : String(36);
      technicalName     : String(255);
      displayName       : String(255);
      description       : String(1000);
      subdomain         : String(255);
      region            : String(40);
      state             : String(40);
      stateMessage      : String(1000);
      betaEnabled       : Boolean;
      usedForProduction : String(40);
      globalAccount     : Association to GlobalAccounts;
      directory         : Association to Directories;
      labels            : Composition of many SubaccountLabels on labels.subaccount = $self;
      createdBy         : String(255);
      createdDate       : Timestamp;
      modifiedDate      : Timestamp;
}

entity SubaccountLabels {
  key subaccount : Association to Subaccounts;
  key name       : String(255);
  key value      : String(255);
}
