import cds from '@sap/cds'
import {
  DataCenters,
  Directories,
  DirectoryLabels,
  Entitlements,
  GlobalAccounts,
  refresh,
  ServicePlans,
  SubaccountLabels,
  Subaccounts,
  SyncStatuses
} from '#cds-models/AccountService'
import { ensureProviderDatabase } from '../tenancy/provider-database.js'
import { providerTenant } from '../tenancy/provider-tenant.js'
import { queryRefusal, type BoundedSelect, type EntityShape } from './query-bounds.js'
import { ReplicaSync, type Caller, type Freshness } from './replica-sync.js'
import { rejectionOf, retryAfterSeconds, type SyncFailure } from './sync-failures.js'

/** The entities served from the replica (the code lists are seed data, not synced). */
const REPLICATED = [GlobalAccounts, Directories, Subaccounts, SubaccountLabels, DirectoryLabels, ServicePlans, Entitlements, DataCenters]

/**
 * The freshness found per request context. CAP dispatches further READs within one request (e.g. the parent check
 * of `Subaccounts('x')/labels`) while the request transaction holds its database connection; those reuse the
 * verdict instead of waiting for a sync, which needs a connection of its own (SQLite has one per tenant).
 */
const verdicts = new WeakMap<object, Promise<Freshness>>()

/**
 * The OData face of account data. Reads are served by CAP's generic handlers from the caller tenant's replica
 * (every query option, local speed); this class only keeps the replica fresh enough before they run.
 * Tenant isolation needs no code here: each tenant's replica is in its own database, synced through its own
 * (or the provider's, restricted) destination, and CAP runs every request in the caller's tenant.
 */
export class AccountService extends cds.ApplicationService {
  readonly #sync = new ReplicaSync()

  override async init() {
    this.refuseUnboundedReads()
    this.syncStaleReplicasBeforeReads()
    this.reportSyncStatus()
    this.syncOnRefresh()
    return super.init()
  }

  /**
   * A negative `$top` or `$skip`, or more collections nested in one read than `MAX_NESTED_COLLECTIONS`, is refused
   * with 400 before anything else runs: no sync, no query (see query-bounds.ts for why).
   */
  refuseUnboundedReads(): void {
    this.before('READ', '*', req => {
      const refusal = queryRefusal((req.query as { SELECT?: BoundedSelect }).SELECT, req.target as unknown as EntityShape | undefined)
      if (refusal) return req.reject(refusal)
    })
  }

  /**
   * A read on a replica older than the freshness bound (default 5 minutes) waits for one sync of the tenant. When
   * the sync fails, or takes longer than `staleReadWaitMs` (default 5 s), the last good replica is served with a
   * warning (`sap-messages`) saying as of when it is and why; with nothing ever synced the read fails with the failure's status — except a CIS 404 (the tenant's
   * subaccount is unknown there), after which the replica is served as it is: empty for a new tenant.
   */
  syncStaleReplicasBeforeReads(): void {
    // Registered before super.init(), so this `on` handler runs ahead of the generic READ and hands over by `next`.
    // An `on` handler (not `before`) so that the subscription guard's `before` has already refused strangers.
    this.on('READ', REPLICATED, async (req, next) => {
      const caller = await callerOf(req)
      if (!caller) return next()
      const freshness = await this.#freshnessFor(caller)
      if (freshness.state === 'unavailable' && freshness.failure.status !== 404) return refuse(req, freshness.failure)
      if (freshness.state !== 'fresh') req.warn(staleWarning(freshness))
      return next()
    })
  }

  /** `SyncStatus` is brought up to date like the data it describes, but never fails: it reports the failure. */
  reportSyncStatus(): void {
    this.on('READ', SyncStatuses, async (req, next) => {
      const caller = await callerOf(req)
      if (caller) await this.#freshnessFor(caller)
      return next()
    })
  }

  /** `refresh` syncs now, whatever the replica's age, and answers the new sync status, or the failure's status. */
  syncOnRefresh(): void {
    this.on(refresh, async req => {
      const caller = await callerOf(req)
      if (!caller) return req.reject({ status: 400, code: 'ACCOUNT_DATA_NO_TENANT', message: 'ACCOUNT_DATA_NO_TENANT' })
      const outcome = await this.#sync.refresh(caller)
      if (!outcome.ok) return refuse(req, outcome.failure)
      return SELECT.one.from(SyncStatuses)
    })
  }

  /** The caller's freshness, found once per request context (see `verdicts`). */
  #freshnessFor(caller: Caller): Promise<Freshness> {
    const context = cds.context
    if (!context) return this.#sync.ensureFresh(caller)
    let verdict = verdicts.get(context)
    if (!verdict) verdicts.set(context, (verdict = this.#sync.ensureFresh(caller)))
    return verdict
  }
}

/**
 * The caller as the sync needs it; `undefined` for a request without a tenant (nothing to sync for). The provider
 * tenant is subscribed to nothing, so its database is provisioned on its first request.
 */
async function callerOf(req: cds.Request): Promise<Caller | undefined> {
  const tenant = req.tenant
  if (!tenant) return undefined
  const isProvider = tenant === providerTenant()
  if (isProvider) await ensureProviderDatabase()
  return { tenant, jwt: jwtOf(req), isProvider }
}

/** The caller's bearer token, as xssec validated it. */
function jwtOf(req: cds.Request): string | undefined {
  const authInfo = (req.user as { authInfo?: { token?: { jwt?: string } } }).authInfo
  if (authInfo?.token?.jwt) return authInfo.token.jwt
  const header = req.http?.req.headers.authorization
  return header?.toLowerCase().startsWith('bearer ') ? header.slice(7) : undefined
}

function refuse(req: cds.Request, failure: SyncFailure): never {
  if (failure.status === 503) req.http?.res.setHeader('Retry-After', String(retryAfterSeconds(failure)))
  return req.reject(rejectionOf(failure))
}

function staleWarning(freshness: Exclude<Freshness, { state: 'fresh' }>) {
  if (freshness.state === 'syncing') return { code: 'ACCOUNT_DATA_SYNCING', message: 'ACCOUNT_DATA_SYNCING', args: [freshness.lastSyncedAt] }
  const reason = freshness.failure.message
  return freshness.state === 'stale'
    ? { code: 'ACCOUNT_DATA_STALE', message: 'ACCOUNT_DATA_STALE', args: [freshness.lastSyncedAt, reason] }
    : { code: 'ACCOUNT_DATA_MISSING', message: 'ACCOUNT_DATA_MISSING', args: [reason] }
}
