using { tenanthub as db } from '../../db/schema';

/** BTP account data of the caller's tenant, read-only. */
@path: '/odata/v4/accounts'
service AccountService {
  @readonly entity GlobalAccounts   as projection on db.GlobalAccounts;
  @readonly entity Directories      as projection on db.Directories;
  @readonly entity Subaccounts      as projection on db.Subaccounts;
  @readonly entity SubaccountLabels as projection on db.SubaccountLabels;
}
