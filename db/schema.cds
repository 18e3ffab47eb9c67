namespace tenanthub;

using { sap.common.CodeList } from '@sap/cds/common';

// The account replica: each tenant's own copy of the BTP account data it may see, synced from the Cloud
// Management Service (CIS, WIRE-REFERENCE §B) into the tenant's own database. Keys are the CIS guids and names;
// element names follow CIS, dates are converted from CIS epoch milliseconds to timestamps.
// The whole replica is replaced by each successful sync; `SyncStatus` says when, from where, and what failed.

/** A CIS guid (global account, directory, subaccount). */
type Guid             : String(36);

/** Lifecycle state of a global account, directory or subaccount (CIS `state` / `entityState`, OpenAPI enum). */
type EntityStateCode  : String(40) enum {
  STARTED;
  CREATING;
  UPDATING;
  MOVING;
  MOVING_TO_OTHER_GA;
  PROCESSING;
  DELETING;
  OK;
  PENDING_REVIEW;
  CANCELED;
  CREATION_FAILED;
  UPDATE_FAILED;
  SUSPENSION_FAILED;
  UPDATE_ACCOUNT_TYPE_FAILED;
  UPDATE_DIRECTORY_TYPE_FAILED;
  PROCESSING_FAILED;
  DELETION_FAILED;
  MOVE_FAILED;
  MOVE_TO_OTHER_GA_FAILED;
  MIGRATING;
  MIGRATION_FAILED;
  ROLLBACK_MIGRATION_PROCESSING;
  MIGRATED;
}

/** Whether a subaccount runs productive workloads (CIS `usedForProduction`). */
type ProductionUsageCode : String(30) enum {
  UNSET;
  NOT_USED_FOR_PRODUCTION;
  USED_FOR_PRODUCTION;
}

/** CIS `directoryType`. */
type DirectoryTypeCode : String(20) enum {
  FOLDER;
  PROJECT;
  GROUP;
}

/** What a directory manages on its own (CIS `directoryFeatures`). */
type DirectoryFeature : String(20) enum {
  DEFAULT;
  ENTITLEMENTS;
  AUTHORIZATIONS;
}

/** Where the replica was synced from. */
type SyncSourceCode   : String(10) enum {
  /** The tenant's own `CIS` destination: its own global account, complete. */
  own;
  /** The provider's `CIS` destination: the provider's global account, or only the tenant's own subaccount in it. */
  provider;
}

/** To what an entitlement is assigned (CIS `entityType`). */
type AssignedEntityType : String(20) enum {
  SUBACCOUNT;
  DIRECTORY;
}

entity EntityStates : CodeList {
  key code        : EntityStateCode;
      /** 3 ready, 2 in progress, 1 failed (the UI.CriticalityType values). */
      criticality : Integer;
}

entity ProductionUsages : CodeList {
  key code : ProductionUsageCode;
}

entity DirectoryTypes : CodeList {
  key code : DirectoryTypeCode;
}

entity SyncSources : CodeList {
  key code : SyncSourceCode;
}

/** The global account the replica was synced from (none when the replica holds only the tenant's own subaccount). */
entity GlobalAccounts {
  key guid             : Guid;
      displayName      : String(255);
      description      : String(1000);
      subdomain        : String(255);
      commercialModel  : String(40);
      consumptionBased : Boolean;
      licenseType      : String(40);
      geoAccess        : String(40);
      costCenter       : String(100);
      useFor           : String(100);
      origin           : String(40);
      contractStatus   : String(40);
      entityState      : Association to EntityStates;
      stateMessage     : String(1000);
      createdDate      : Timestamp;
      modifiedDate     : Timestamp;
      /** Every directory of the global account, at any depth; top-level ones have no `parent`. */
      directories      : Association to many Directories on directories.globalAccount = $self;
      /** Every subaccount of the global account; those at the root have no `directory`. */
      subaccounts      : Association to many Subaccounts on subaccounts.globalAccount = $self;
}

entity Directories {
  key guid              : Guid;
      displayName       : String(255);
      description       : String(1000);
      /** Only for directories that manage authorizations. */
      subdomain         : String(255);
      directoryType     : Association to DirectoryTypes;
      directoryFeatures : many DirectoryFeature;
      entityState       : Association to EntityStates;
      stateMessage      : String(1000);
      contractStatus    : String(40);
      globalAccount     : Association to GlobalAccounts;
      /** The parent directory; none for a directory directly under the global account (`parentType` ROOT). */
      parent            : Association to Directories;
      /** CIS `parentType`: ROOT, or the type of the parent directory. */
      parentType        : String(20);
      children          : Association to many Directories on children.parent = $self;
      /** The subaccounts directly in this directory. */
      subaccounts       : Association to many Subaccounts on subaccounts.directory = $self;
      labels            : Composition of many DirectoryLabels on labels.directory = $self;
      entitlements      : Association to many Entitlements on entitlements.directory = $self;
      createdDate       : Timestamp;
      createdBy         : String(255);
      modifiedDate      : Timestamp;
}

entity Subaccounts {
  key guid                   : Guid;
      technicalName          : String(255);
      displayName            : String(255);
      description            : String(1000);
      subdomain              : String(255);
      region                 : String(40);
      betaEnabled            : Boolean;
      usedForProduction      : Association to ProductionUsages;
      state                  : Association to EntityStates;
      stateMessage           : String(1000);
      contractStatus         : String(40);
      globalAccount          : Association to GlobalAccounts;
      /** The directory the subaccount is in; none at the root of the global account (`parentType` ROOT). */
      directory              : Association to Directories;
      /** CIS `parentType`: ROOT, or the type of the parent directory. */
      parentType             : String(20);
      labels                 : Composition of many SubaccountLabels on labels.subaccount = $self;
      entitlements           : Association to many Entitlements on entitlements.subaccount = $self;
      /** The data centers of the subaccount's region the global account may use. */
      dataCenters            : Association to many DataCenters on dataCenters.region = region;
      createdDate            : Timestamp;
      createdBy              : String(255);
      modifiedDate           : Timestamp;
      lastModifiedBy         : String(255);
      /** Set while the subaccount is pending forced deletion. */
      forceDeleteRequestTime : Timestamp;
      forceDeleteTargetTime  : Timestamp;
}

/**
 * One value of one label: a key with several values is several rows. A key without values (CIS allows `"k": []`)
 * is one row with an empty value.
 */
entity SubaccountLabels {
  key subaccount : Association to Subaccounts;
  key name       : String(255);
  key value      : String(255);
}

/** Like `SubaccountLabels`, for directories. */
entity DirectoryLabels {
  key directory : Association to Directories;
  key name      : String(255);
  key value     : String(255);
}

/**
 * A service plan the global account is entitled to, with its quota. When the replica holds only the tenant's own
 * subaccount, only the plans assigned to it, without the global account's quota.
 */
entity ServicePlans {
  key serviceName               : String(255);
  key name                      : String(255);
      serviceDisplayName        : String(255);
      serviceDescription        : String(1000);
      ownerType                 : String(20);
      businessCategory          : String(100);
      businessCategoryName      : String(255);
      displayName               : String(255);
      description               : String(1000);
      uniqueIdentifier          : String(255);
      category                  : String(40);
      beta                      : Boolean;
      unlimited                 : Boolean;
      /** Quota entitled to the global account. */
      amount                    : Double;
      remainingAmount           : Double;
      provisioningMethod        : String(40);
      maxAllowedSubaccountQuota : Double;
      autoAssign                : Boolean;
      autoDistributeAmount      : Double;
      providedBy                : String(20);
      entitlements              : Association to many Entitlements on entitlements.servicePlan = $self;
}

/** One service plan assigned to one subaccount or directory (CIS `assignedServices[].servicePlans[].assignmentInfo[]`). */
entity Entitlements {
  key servicePlan             : Association to ServicePlans;
  key entityId                : Guid;
      entityType              : AssignedEntityType;
      /** The subaccount assigned to (`entityId`, when `entityType` is SUBACCOUNT). */
      subaccount              : Association to Subaccounts;
      /** The directory assigned to (`entityId`, when `entityType` is DIRECTORY). */
      directory               : Association to Directories;
      amount                  : Double;
      requestedAmount         : Double;
      unlimitedAmountAssigned : Boolean;
      autoAssigned            : Boolean;
      autoAssign              : Boolean;
      autoDistributeAmount    : Double;
      entityState             : String(40);
      stateMessage            : String(1000);
      /** Where the quota comes from (the global account or a directory); none when only the own subaccount is replicated. */
      parentId                : Guid;
      parentType              : String(20);
      parentAmount            : Double;
      parentRemainingAmount   : Double;
      createdDate             : Timestamp;
      modifiedDate            : Timestamp;
}

/** A data center the global account may use (CIS entitlements service `globalAccountAllowedDataCenters`). */
entity DataCenters {
  key name                   : String(100);
      displayName            : String(255);
      region                 : String(40);
      environment            : String(40);
      iaasProvider           : String(40);
      supportsTrial          : Boolean;
      provisioningServiceUrl : String(500);
      saasRegistryServiceUrl : String(500);
      domain                 : String(255);
      geoAccess              : String(40);
}

/** The one row saying how current the replica is (key `ID` = 'replica'). */
@singular: 'SyncStatus'
@plural  : 'SyncStatuses'
entity SyncStatus {
  key ID             : String(20);
      source         : Association to SyncSources;
      /** The global account synced; none when only the tenant's own subaccount is replicated. */
      globalAccount  : Association to GlobalAccounts;
      /** Set when the replica holds only this subaccount (the tenant's own) of the provider's global account. */
      subaccountOnly : Guid;
      /** End of the last successful sync; null until one succeeded. */
      lastSyncedAt   : Timestamp;
      /** Until when the replica counts as fresh: `lastSyncedAt` plus the freshness bound. */
      freshUntil     : Timestamp;
      lastAttemptAt  : Timestamp;
      lastDurationMs : Integer;
      /** Why the last attempt failed; null when it succeeded. */
      lastError      : String(1000);
      lastErrorCode  : String(60);
      /** The HTTP status a read gets while this failure stands and no data was ever synced. */
      lastErrorStatus : Integer;
      /** No new attempt before this (after a failure; CIS rate limits carry no Retry-After). */
      retryAfter     : Timestamp;
      /** Held by the app instance that syncs; expires on its own if that instance dies. */
      leaseUntil     : Timestamp;
      leaseOwner     : String(100);
}
