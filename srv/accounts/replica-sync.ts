import cds from '@sap/cds'
import { randomUUID } from 'node:crypto'
import type { SyncStatus } from '#cds-models/tenanthub'
import { openCisClient } from '../cis/index.js'
import { accountDataConfig, cisClientOptions, type AccountDataConfig } from './config.js'
import { fetchReplicaContent, type ReplicaScope } from './replica-content.js'
import { replicaStore } from './replica-store.js'
import { recordedFailure, syncFailureOf, type SyncFailure } from './sync-failures.js'

const LOG = cds.log('accounts')

/** Who reads: the tenant whose replica is meant, and what finds its CIS destination. */
export interface Caller {
  tenant: string
  /** The caller's JWT: finds the tenant's own CIS destination (subscriber-first). */
  jwt?: string
  /** The provider tenant sees the provider's whole global account. */
  isProvider: boolean
}

/** How a read may be served. */
export type Freshness =
  /** Synced within the freshness bound (now, or recently). */
  | { state: 'fresh' }
  /** A sync is due but failed or waits for its backoff: the last good replica is served. */
  | { state: 'stale'; lastSyncedAt: string; failure: SyncFailure }
  /** A sync is due and under way, but took longer than a reader of a good replica waits: that replica is served. */
  | { state: 'syncing'; lastSyncedAt: string }
  /** No sync ever succeeded and the last one failed: there is nothing good to serve. */
  | { state: 'unavailable'; failure: SyncFailure }

export type SyncOutcome = { ok: true; status?: SyncStatus } | { ok: false; failure: SyncFailure; status?: SyncStatus }

/** Identifies this app instance as holder of sync leases. */
const INSTANCE = `${process.env.CF_INSTANCE_GUID ?? 'local'}/${randomUUID()}`

/**
 * Keeps tenants' replicas within the freshness bound: at most one sync per tenant at a time — in this process
 * through a shared promise, across app instances through a lease in the tenant's sync status — so that any number
 * of concurrent readers of a stale replica cause one sync, all of them waiting for it. Tenants never wait for each
 * other: the promise and the lease are per tenant, and each tenant's replica and status live in its own database.
 */
export class ReplicaSync {
  readonly #inFlight = new Map<string, InFlightSync>()
  /** Per tenant: until when its replica is known to be fresh without asking the database. */
  readonly #knownFreshUntil = new Map<string, number>()
  readonly #config: () => AccountDataConfig

  constructor(config: () => AccountDataConfig = accountDataConfig) {
    this.#config = config
  }

  /**
   * Syncs the caller's replica first if it is older than the freshness bound, unless a failed sync's backoff holds.
   * A reader of a replica that was synced before waits for the sync at most `staleReadWaitMs`, and is then served
   * that replica while the sync goes on: a CIS that hangs costs a reader seconds, not all the sync's attempts.
   */
  async ensureFresh(caller: Caller): Promise<Freshness> {
    const config = this.#config()
    if ((this.#knownFreshUntil.get(caller.tenant) ?? 0) > Date.now()) return { state: 'fresh' }
    let lastSyncedAt: string | undefined
    if (!this.#inFlight.has(caller.tenant)) {
      const status = await replicaStore.readStatus(caller.tenant)
      if (isFresh(status, config)) {
        this.#rememberFresh(caller.tenant, status!, config)
        return { state: 'fresh' }
      }
      if (status && inBackoff(status) && !this.#inFlight.has(caller.tenant)) return verdict(status, recordedFailure(status))
      lastSyncedAt = status?.lastSyncedAt ?? undefined
    }
    const sync = this.#join(caller, false, lastSyncedAt)
    const outcome = sync.lastSyncedAt ? await within(sync.outcome, config.staleReadWaitMs) : await sync.outcome
    if (!outcome) return { state: 'syncing', lastSyncedAt: sync.lastSyncedAt! }
    if (outcome.ok && outcome.status) this.#rememberFresh(caller.tenant, outcome.status, config)
    return outcome.ok ? { state: 'fresh' } : verdict(outcome.status, outcome.failure)
  }

  #rememberFresh(tenant: string, status: SyncStatus, config: AccountDataConfig): void {
    const freshUntil = Date.parse(status.lastSyncedAt!) + config.maxAgeMs
    this.#knownFreshUntil.set(tenant, Math.min(freshUntil, Date.now() + config.freshTrustMs))
  }

  /** Syncs the caller's replica now, whatever its age and backoff (joining a sync already under way). */
  async refresh(caller: Caller): Promise<SyncOutcome> {
    const outcome = await this.#join(caller, true).outcome
    if (outcome.ok && outcome.status) this.#rememberFresh(caller.tenant, outcome.status, this.#config())
    return outcome
  }

  /** The tenant's sync under way, or a new one; `lastSyncedAt` is when the replica it replaces was synced, if known. */
  #join(caller: Caller, force: boolean, lastSyncedAt?: string): InFlightSync {
    let sync = this.#inFlight.get(caller.tenant)
    if (!sync) {
      const outcome = this.#run(caller, force).finally(() => this.#inFlight.delete(caller.tenant))
      // Logged here too: the readers may all have stopped waiting for it (see ensureFresh).
      outcome.catch(err => LOG.error('sync of account data of tenant', caller.tenant, 'failed:', err))
      sync = { outcome, lastSyncedAt }
      this.#inFlight.set(caller.tenant, sync)
    }
    return sync
  }

  async #run(caller: Caller, force: boolean): Promise<SyncOutcome> {
    const config = this.#config()
    const { tenant } = caller
    if (!(await replicaStore.acquireLease(tenant, INSTANCE, config.leaseMs))) return this.#awaitOtherInstance(caller, force, config)
    try {
      // Another reader may have finished a sync between our freshness check and our lease.
      if (!force && isFresh(await replicaStore.readStatus(tenant), config)) {
        await replicaStore.releaseLease(tenant, INSTANCE)
        return { ok: true }
      }
      return await this.#sync(caller, config)
    } catch (err) {
      await replicaStore.releaseLease(tenant, INSTANCE).catch(release => LOG.error('sync lease of tenant', tenant, 'not released:', release))
      throw err
    }
  }

  async #sync(caller: Caller, config: AccountDataConfig): Promise<SyncOutcome> {
    const { tenant } = caller
    const startedAt = new Date()
    let scope: ReplicaScope | undefined
    try {
      // The provider's own users see the provider's global account; they need no subscriber lookup.
      const client = await openCisClient(cisClientOptions(config), { jwt: caller.isProvider ? undefined : caller.jwt })
      scope = client.source === 'own' || caller.isProvider ? { kind: 'global-account' } : { kind: 'subaccount', guid: tenant }
      const content = await fetchReplicaContent(client, scope)
      const status = await replicaStore.replaceReplica(tenant, INSTANCE, content, startedAt, config.maxAgeMs)
      LOG.info('synced account data of tenant', tenant, {
        source: content.source,
        scope: scope.kind,
        subaccounts: content.subaccounts.length,
        directories: content.directories.length,
        ms: Date.now() - startedAt.getTime()
      })
      return { ok: true, status }
    } catch (err) {
      const failure = syncFailureOf(err, config, scope?.kind === 'subaccount' ? scope.guid : undefined)
      if (!failure) throw err
      LOG.warn('sync of account data of tenant', tenant, 'failed:', (err as Error).message)
      const status = await replicaStore.recordFailure(tenant, INSTANCE, failure, startedAt)
      return { ok: false, failure, status }
    }
  }

  /** Another app instance syncs the tenant: wait until it is done (or its lease expires), then take its outcome. */
  async #awaitOtherInstance(caller: Caller, force: boolean, config: AccountDataConfig): Promise<SyncOutcome> {
    const waitedSince = Date.now()
    let status = await replicaStore.readStatus(caller.tenant)
    while (status?.leaseUntil && Date.parse(status.leaseUntil) > Date.now() && Date.now() - waitedSince < config.leaseMs) {
      await new Promise(resolve => setTimeout(resolve, config.leasePollMs))
      status = await replicaStore.readStatus(caller.tenant)
    }
    if (isFresh(status, config)) return { ok: true, status }
    if (status?.lastErrorCode && status.lastAttemptAt && Date.parse(status.lastAttemptAt) >= waitedSince - config.leaseMs)
      return { ok: false, failure: recordedFailure(status), status }
    return this.#run(caller, force)
  }
}

/** A sync under way, and when the replica it replaces was synced (unknown to a `refresh`, which reads no status). */
interface InFlightSync {
  outcome: Promise<SyncOutcome>
  lastSyncedAt?: string
}

/** What `promise` resolves to within `ms`, or undefined after it. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<undefined>(resolve => {
    timer = setTimeout(() => resolve(undefined), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

function isFresh(status: SyncStatus | undefined, config: AccountDataConfig, now = Date.now()): boolean {
  return !!status?.lastSyncedAt && Date.parse(status.lastSyncedAt) + config.maxAgeMs > now
}

function inBackoff(status: SyncStatus, now = Date.now()): boolean {
  return !!status.lastErrorCode && !!status.retryAfter && Date.parse(status.retryAfter) > now
}

function verdict(status: SyncStatus | undefined, failure: SyncFailure): Freshness {
  return status?.lastSyncedAt ? { state: 'stale', lastSyncedAt: status.lastSyncedAt, failure } : { state: 'unavailable', failure }
}
