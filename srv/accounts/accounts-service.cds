using { tenanthub as db } from '../../db/schema';

/**
 * BTP account data of the caller's tenant, read-only: the replica in the tenant's own database, synced from CIS
 * (see accounts-service.ts for when). Every OData query option works on it; pages are limited on the server.
 */
@path: '/odata/v4/accounts'
@cds.query.limit: { default: 200, max: 1000 }
service AccountService {

  @readonly
  @cds.search: { displayName, subdomain }
  entity GlobalAccounts   as projection on db.GlobalAccounts;

  @readonly
  @cds.search: { displayName, subdomain }
  entity Directories      as projection on db.Directories;

  @readonly
  @cds.search: { displayName, subdomain, technicalName }
  entity Subaccounts      as projection on db.Subaccounts;

  @readonly
  entity SubaccountLabels as projection on db.SubaccountLabels;

  @readonly
  entity DirectoryLabels  as projection on db.DirectoryLabels;

  @readonly
  @cds.search: { displayName, name, serviceDisplayName, serviceName }
  entity ServicePlans     as projection on db.ServicePlans;

  @readonly
  entity Entitlements     as projection on db.Entitlements;

  @readonly
  @cds.search: { displayName, name, region }
  entity DataCenters      as projection on db.DataCenters;

  /** How current the replica is, where it came from, and why the last sync failed, if it did. */
  @readonly
  @odata.singleton
  @singular: 'SyncStatus'
  @plural  : 'SyncStatuses'
  entity SyncStatus       as projection on db.SyncStatus excluding { ID, leaseUntil, leaseOwner };

  /** Syncs the caller tenant's replica now, whatever its age; answers the new sync status or the failure. */
  action refresh() returns SyncStatus;
}
