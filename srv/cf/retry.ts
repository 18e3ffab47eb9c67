import { DestinationLookupError, UpstreamUnreachableError } from '../connectivity/index.js'
import { CfApiError, CfDeadlineError, CfMalformedResponseError } from './errors.js'

export interface RetryPolicy {
  /** The whole operation, all attempts and waits included, must finish within this. */
  deadlineMs: number
  /** First backoff; doubles per attempt (with jitter) up to `maxBackoffMs`. */
  baseBackoffMs: number
  maxBackoffMs: number
}

/**
 * Runs `attempt` until it succeeds, a failure is not worth retrying, or the deadline would pass.
 * Retried: 429 (waiting `Retry-After` when given), 5xx, no answer (reset, refused, timeout), malformed 2xx bodies,
 * and a destination service that failed to answer.
 * Not retried: every other 4xx, which a repetition cannot fix.
 */
export async function withRetries<T>(operation: string, policy: RetryPolicy, attempt: (remainingMs: number) => Promise<T>): Promise<T> {
  const deadline = Date.now() + policy.deadlineMs
  for (let attempts = 1; ; attempts++) {
    try {
      return await attempt(Math.max(1, deadline - Date.now()))
    } catch (err) {
      if (!isRetryable(err)) throw err
      const wait = waitBefore(err, attempts, policy)
      if (Date.now() + wait >= deadline) throw new CfDeadlineError(operation, policy.deadlineMs, attempts, err)
      await new Promise(resolve => setTimeout(resolve, wait))
    }
  }
}

function isRetryable(err: unknown): boolean {
  if (err instanceof UpstreamUnreachableError || err instanceof DestinationLookupError || err instanceof CfMalformedResponseError) return true
  return err instanceof CfApiError && (err.status === 429 || err.status >= 500)
}

function waitBefore(err: unknown, attempts: number, policy: RetryPolicy): number {
  const retryAfter = err instanceof CfApiError ? err.retryAfterMs : undefined
  if (retryAfter !== undefined) return retryAfter
  const exponential = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** (attempts - 1))
  return exponential / 2 + Math.random() * (exponential / 2)
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
