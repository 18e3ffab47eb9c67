import { CF_ERROR, CfApiError } from './errors.js'
import { parseRetryAfter } from './retry.js'

/** What the gate reads of an answer: its status and headers (lower-case names). */
export interface RateLimitedAnswer {
  status: number
  headers: Record<string, string | undefined>
}

/**
 * Paces the calls of one CF user by what CF says of its rate limit (WIRE-REFERENCE §A.1): a fixed window per user,
 * a 429 with `Retry-After` once it is used up, and on every answer `X-RateLimit-Remaining`, an estimate CF rounds
 * down to a tenth of the limit.
 *
 * Without it, every call refused with a 429 waits its own `Retry-After` and all of them come back together when the
 * window opens: CF takes as many as the window holds and refuses the rest again, for each window of a burst (B5:
 * ~8,600 calls for 1,000). With it:
 * - a 429 closes the gate until its `Retry-After`: no call goes out, new or retried;
 * - then one call goes out, and its answer's `X-RateLimit-Remaining` says how many may be under way at once;
 * - calls beyond that wait for one under way to end, and at an estimate of 0, calls go one at a time until the next
 *   429.
 * So a window's calls are refused about once, not once per waiting call. An answer without the header (a landscape or
 * user without rate limits) lifts the pacing; the 429 rule stays. In-flight calls never exceed the last estimate, so
 * the gate by itself causes no refusal that sending everything at once would have avoided.
 */
export class RateLimitGate {
  /** Until when CF refuses calls (epoch ms), after a 429. */
  #closedUntil = 0
  /** How many calls may be under way: CF's last `X-RateLimit-Remaining`, 0 after a 429; undefined = no pacing. */
  #allowance: number | undefined
  #inFlight = 0
  readonly #waiting = new Set<() => void>()

  /**
   * Waits until a call may go out and counts it as under way; `leave` must follow. Throws a 429 `CfApiError` (its
   * `retryAfterMs` = how long the gate stays closed) when the gate would not let it go before `deadline` (epoch ms).
   */
  async enter(operation: string, deadline: number): Promise<void> {
    for (;;) {
      const now = Date.now()
      if (now < this.#closedUntil) {
        if (this.#closedUntil >= deadline) throw rateLimited(operation, this.#closedUntil - now)
        await sleep(this.#closedUntil - now)
        continue
      }
      if (this.#allowance === undefined || this.#inFlight < Math.max(1, this.#allowance)) {
        this.#inFlight++
        return
      }
      if (!(await this.#turn(deadline - now))) throw rateLimited(operation, 0)
    }
  }

  /** Ends a call `enter` let out, with what its answer said of the limit (none for a call that got no answer). */
  leave(answer?: RateLimitedAnswer): void {
    this.#inFlight--
    if (answer?.status === 429) {
      // Without a Retry-After (not CF's rate limiter) the gate stays open, but calls go one at a time.
      this.#closedUntil = Math.max(this.#closedUntil, Date.now() + (parseRetryAfter(answer.headers['retry-after']) ?? 0))
      this.#allowance = 0
    } else if (answer) {
      const header = answer.headers['x-ratelimit-remaining']
      const remaining = header === undefined ? NaN : Number(header)
      this.#allowance = Number.isFinite(remaining) ? remaining : undefined
    }
    // As many waiting calls as may go now, longest waiting first; the others wait for the next call to end.
    let free = this.#allowance === undefined ? Infinity : Math.max(1, this.#allowance) - this.#inFlight
    for (const wake of this.#waiting) {
      if (free-- <= 0) break
      this.#waiting.delete(wake)
      wake()
    }
  }

  /** Waits for a call under way to end; false when `ms` pass first. */
  #turn(ms: number): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(false)
    return new Promise(resolve => {
      const wake = () => {
        clearTimeout(timer)
        resolve(true)
      }
      const timer = setTimeout(() => {
        this.#waiting.delete(wake)
        resolve(false)
      }, ms)
      this.#waiting.add(wake)
    })
  }
}

const gates = new Map<string, RateLimitGate>()

/** The gate of a CF destination: CF limits per user, and each destination logs on as one user. */
export function rateLimitGateOf(destination: string): RateLimitGate {
  let gate = gates.get(destination)
  if (!gate) gates.set(destination, (gate = new RateLimitGate()))
  return gate
}

function rateLimited(operation: string, retryAfterMs: number): CfApiError {
  return new CfApiError(
    operation,
    429,
    { code: CF_ERROR.RateLimitExceeded, title: 'CF-RateLimitExceeded', detail: 'Rate Limit Exceeded (held back by tenant-hub until CF takes calls again)' },
    { retryAfterMs }
  )
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}
