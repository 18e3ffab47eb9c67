using { tenanthub as db } from '../../db/schema';

/**
 * Bench only (B3): the replica's subaccounts as a plain CAP entity, served by CAP's generic handlers alone, with
 * none of AccountService's sync logic, the baseline the replica reads are compared with. Loaded only into the app
 * that bench/read-throughput.ts starts (a `cds.requires` entry with this `model`, passed through CDS_CONFIG), so
 * that `npm start`, the tests and `cds build` never see it.
 */
@path    : '/bench/plain-read'
@requires: 'Viewer'
service PlainReadService {
  @readonly
  entity Subaccounts as projection on db.Subaccounts;
}
