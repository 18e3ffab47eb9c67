import { DestinationLookupError, DestinationTokenError, UpstreamUnreachableError } from '../connectivity/index.js'
import { CfApiError, CfDeadlineError, CfMalformedResponseError } from './errors.js'
import { operationDeadline } from './operation-deadline.js'

export interface RetryPolicy {
  /** The call, all attempts and waits included, must finish within this (or its operation's deadline, if sooner). */
  deadlineMs: number
  /** First backoff; doubles per attempt (with jitter) up to `maxBackoffMs`. */
  baseBackoffMs: number
  maxBackoffMs: number
}

/**
 * Runs `attempt` until it succeeds, a failure is not worth retrying, or the deadline would pass.
 * Retried: 429 (waiting `Retry-After` when given), 5xx, no answer (reset, refused, timeout), malformed 2xx bodies,
 * and a destination service that failed to answer. A failed token retrieval is retried once: the destination
 * service reports a token service outage and wrong credentials alike, and only the first may pass.
 * Not retried: every other 4xx, which a repetition cannot fix.
 */
export async function withRetries<T>(operation: string, policy: RetryPolicy, attempt: (remainingMs: number) => Promise<T>): Promise<T> {
  const own = { at: Date.now() + policy.deadlineMs, ms: policy.deadlineMs }
  const enclosing = operationDeadline()
  const { at: deadline, ms: deadlineMs } = enclosing && enclosing.at < own.at ? enclosing : own
  if (Date.now() >= deadline) throw new CfDeadlineError(operation, deadlineMs, 0, new Error('the calls before it used up the time'))
  for (let attempts = 1; ; attempts++) {
    try {
      return await attempt(Math.max(1, deadline - Date.now()))
    } catch (err) {
      if (!isRetryable(err, attempts)) throw err
      const wait = waitBefore(err, attempts, policy)
      if (Date.now() + wait >= deadline) throw new CfDeadlineError(operation, deadlineMs, attempts, err)
      await new Promise(resolve => setTimeout(resolve, wait))
    }
  }
}

function isRetryable(err: unknown, attempts: number): boolean {
  if (err instanceof DestinationTokenError) return attempts === 1
  if (err instanceof UpstreamUnreachableError || err instanceof DestinationLookupError || err instanceof CfMalformedResponseError) return true
  return err instanceof CfApiError && (err.status === 429 || err.status >= 500)
}

/** The backoff, but never less than CF's `Retry-After` (a `Retry-After: 0` must not turn into a busy loop). */
function waitBefore(err: unknown, attempts: number, policy: RetryPolicy): number {
  const exponential = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** (attempts - 1))
  const backoff = exponential / 2 + Math.random() * (exponential / 2)
  const retryAfter = err instanceof CfApiError ? err.retryAfterMs : undefined
  return Math.max(backoff, retryAfter ?? 0)
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, now = Date.now()): number | undefined {
  const value = header?.trim()
  if (!value) return undefined
  if (/^\d+$/.test(value)) return Number(value) * 1000
  // An HTTP date names its day or month; `Date.parse` would also read e.g. "-5" as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
