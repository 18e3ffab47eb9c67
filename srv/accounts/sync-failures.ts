import cds from '@sap/cds'
import { CisApiError, CisDestinationConfigError, CisMalformedResponseError } from '../cis/index.js'
import { DestinationLookupError, DestinationNotFoundError, DestinationTokenError, UpstreamUnreachableError } from '../connectivity/index.js'
import type { AccountDataConfig } from './config.js'

/**
 * Why a sync failed, as a reader or `refresh` caller learns it: the HTTP status tenant-hub answers with, a stable
 * code that is also the message key in `_i18n/messages.properties`, and when to try again. Carries no upstream
 * internals (CIS texts, correlation ids, URLs); those go to the log only.
 */
export interface SyncFailure {
  status: number
  code: string
  /** Arguments of the message key `code`; none when the failure was read back from the status row. */
  args?: string[]
  /** The message in the default language, as the status row keeps it. */
  message: string
  retryAfter: Date
}

/**
 * The failure a sync error stands for, or `undefined` for errors that are no CIS or destination outcome
 * (programming and database errors), which the caller lets propagate.
 * CIS 404 → 404; 429 → 503 with a Retry-After; 5xx, timeouts, refused connections and bad bodies → 502;
 * refused credentials → 502; a missing CIS destination → 503 naming it.
 */
export function syncFailureOf(err: unknown, config: AccountDataConfig, subaccount: string | undefined): SyncFailure | undefined {
  const destination = config.destination
  const backoff = (ms: number) => new Date(Date.now() + ms)
  if (err instanceof CisApiError) {
    if (err.isNotFound)
      return subaccount
        ? failure(404, 'ACCOUNT_DATA_NOT_FOUND', [subaccount, destination], backoff(config.failureBackoffMs))
        : failure(404, 'CIS_NOT_FOUND', [destination], backoff(config.failureBackoffMs))
    if (err.isRateLimited) {
      const seconds = String(Math.ceil(config.rateLimitBackoffMs / 1000))
      return failure(503, 'CIS_RATE_LIMITED', [seconds], backoff(config.rateLimitBackoffMs))
    }
    if (err.isUnauthorized) return failure(502, 'CIS_UNAUTHORIZED', [destination, String(err.status)], backoff(config.failureBackoffMs))
    return failure(502, 'CIS_FAILED', [String(err.status)], backoff(config.failureBackoffMs))
  }
  if (err instanceof CisMalformedResponseError) return failure(502, 'CIS_MALFORMED_RESPONSE', [], backoff(config.failureBackoffMs))
  if (err instanceof UpstreamUnreachableError) return failure(502, 'CIS_UNREACHABLE', [destination], backoff(config.failureBackoffMs))
  if (err instanceof DestinationNotFoundError) return failure(503, 'CIS_DESTINATION_NOT_FOUND', [destination], backoff(config.failureBackoffMs))
  if (err instanceof DestinationTokenError) return failure(502, 'CIS_DESTINATION_TOKEN_FAILED', [destination], backoff(config.failureBackoffMs))
  if (err instanceof DestinationLookupError) return failure(502, 'CIS_DESTINATION_LOOKUP_FAILED', [destination], backoff(config.failureBackoffMs))
  if (err instanceof CisDestinationConfigError)
    return failure(502, 'CIS_DESTINATION_INCOMPLETE', [destination, config.entitlementsUrlProperty], backoff(config.failureBackoffMs))
  return undefined
}

/** A failure another app instance recorded, read back from the tenant's sync status. */
export function recordedFailure(status: { lastErrorStatus?: number | null; lastErrorCode?: string | null; lastError?: string | null; retryAfter?: string | null }): SyncFailure {
  return {
    status: status.lastErrorStatus ?? 502,
    code: status.lastErrorCode ?? 'ACCOUNT_DATA_SYNC_FAILED',
    message: status.lastError ?? '',
    retryAfter: new Date(status.retryAfter ?? Date.now())
  }
}

/**
 * The error `req.reject` takes: the message key and its arguments (CAP localizes them into the caller's language),
 * or the stored text when the arguments are gone. `$sanitize: false` keeps the text in production, where CAP would
 * otherwise replace every 5xx message; it is safe because it never holds upstream internals.
 */
export function rejectionOf(failure: SyncFailure): { status: number; code: string; message: string; args?: string[]; $sanitize: false } {
  const message = failure.args || !failure.message ? failure.code : failure.message
  return { status: failure.status, code: failure.code, message, args: failure.args, $sanitize: false }
}

/** `Retry-After` in whole seconds (at least 1), for 503 answers. */
export function retryAfterSeconds(failure: SyncFailure, now = Date.now()): number {
  return Math.max(1, Math.ceil((failure.retryAfter.getTime() - now) / 1000))
}

function failure(status: number, code: string, args: string[], retryAfter: Date): SyncFailure {
  return { status, code, args, message: cds.i18n.messages.at(code, cds.env.i18n.default_language, args) ?? code, retryAfter }
}
