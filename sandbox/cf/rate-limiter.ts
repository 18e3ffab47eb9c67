export interface RateLimitConfig {
  /** Requests per user and window. */
  limit: number
  resetSeconds: number
}

export interface RateLimitDecision {
  allowed: boolean
  /** `X-RateLimit-*` headers (plus `Retry-After` when refused). */
  headers: Record<string, string>
}

/** CC's per-user request limiter: a fixed window per user, starting with the user's first request. */
export class RateLimiter {
  readonly #config: RateLimitConfig
  readonly #windows = new Map<string, { count: number; resetAt: number }>()

  constructor(config: RateLimitConfig) {
    this.#config = config
  }

  take(userGuid: string, now = Date.now()): RateLimitDecision {
    const { limit, resetSeconds } = this.#config
    let window = this.#windows.get(userGuid)
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + resetSeconds * 1000 }
      this.#windows.set(userGuid, window)
    }
    window.count++
    const remaining = Math.max(0, limit - window.count)
    const headers: Record<string, string> = {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(estimate(remaining, limit)),
      'x-ratelimit-reset': String(Math.ceil(window.resetAt / 1000))
    }
    if (window.count <= limit) return { allowed: true, headers }
    return { allowed: false, headers: { ...headers, 'retry-after': String(Math.max(1, Math.ceil((window.resetAt - now) / 1000))) } }
  }

  reset(): void {
    this.#windows.clear()
  }
}

/** CC never reveals the exact count: remaining is rounded down to 10 % steps of the limit (BTP: 20000 → 18000). */
function estimate(remaining: number, limit: number): number {
  return Math.floor((Math.floor((remaining * 10) / limit) * limit) / 10)
}
