import cds from '@sap/cds'
import type { CisClientOptions } from '../cis/index.js'

/** `cds.requires['account-data']`: where account data comes from and how fresh it is kept. Durations in ms. */
export interface AccountDataConfig {
  /** The CIS destination (OAuth2ClientCredentials, `URL` = accounts service), resolved subscriber-first. */
  destination: string
  /** Additional property of that destination with the entitlements service URL. */
  entitlementsUrlProperty: string
  /** Freshness bound: a read on a replica synced longer ago than this syncs it first. */
  maxAgeMs: number
  /**
   * Timeout of one CIS request. A sync's calls run side by side, so a reader waits at most about
   * `requestAttempts × requestTimeoutMs`: keep that below the approuter's timeout (30 s by default). On a cold
   * destination cache, the destination lookups come first (the Cloud SDK's fixed 10 s timeout each).
   */
  requestTimeoutMs: number
  /**
   * Attempts per CIS request and per destination lookup (5xx, no answer; a failed token retrieval twice at most);
   * 429 is never retried within a sync.
   */
  requestAttempts: number
  retryBackoffMs: number
  /**
   * How long a read of a replica that was synced before waits for a due sync; past it, the read is served that
   * replica with a warning while the sync goes on. A read of a tenant never synced waits for the whole sync.
   */
  staleReadWaitMs: number
  /** After a failed sync, reads do not try again before this has passed... */
  failureBackoffMs: number
  /** ...or this, after CIS answered 429 (it sends no Retry-After; its documented rule spans seconds). */
  rateLimitBackoffMs: number
  /** How long one app instance may hold a tenant's sync before another one may take over. */
  leaseMs: number
  /** How often a reader checks whether another app instance has finished the tenant's sync. */
  leasePollMs: number
  /**
   * How long one app instance trusts a "fresh" answer without reading the sync status again: saves a database
   * transaction per read. A sync by another instance only makes the data fresher; a tenant that unsubscribed and
   * subscribed again is checked again after this.
   */
  freshTrustMs: number
}

const DEFAULTS: AccountDataConfig = {
  destination: 'CIS',
  entitlementsUrlProperty: 'entitlementsServiceURL',
  maxAgeMs: 5 * 60_000,
  requestTimeoutMs: 12_000,
  requestAttempts: 2,
  retryBackoffMs: 250,
  staleReadWaitMs: 5_000,
  failureBackoffMs: 30_000,
  rateLimitBackoffMs: 10_000,
  leaseMs: 2 * 60_000,
  leasePollMs: 250,
  freshTrustMs: 30_000
}

/** Defaults here, overrides from `cds.requires['account-data']` (package.json, .cdsrc.json or CDS_CONFIG). */
export function accountDataConfig(): AccountDataConfig {
  const raw = ((cds.env.requires as Record<string, unknown>)['account-data'] ?? {}) as Partial<AccountDataConfig>
  return { ...DEFAULTS, ...raw }
}

export function cisClientOptions(config: AccountDataConfig): CisClientOptions {
  return {
    destination: config.destination,
    entitlementsUrlProperty: config.entitlementsUrlProperty,
    requestTimeoutMs: config.requestTimeoutMs,
    retry: { attempts: config.requestAttempts, backoffMs: config.retryBackoffMs }
  }
}
