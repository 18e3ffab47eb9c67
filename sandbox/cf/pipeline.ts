import { SimHttpError, type SigningKey, type SimHandler, type SimRequest, type SimResponse } from '../kernel/index.js'
import { authenticatedUser, type CfIdentity } from './authentication.js'
import type { CfUserConfig } from './config.js'
import { CfErrors, vcapRequestId } from './errors.js'
import { Permissions } from './permissions.js'
import type { RateLimiter } from './rate-limiter.js'
import type { CfStore } from './store.js'

/** What an authenticated CF handler knows about the caller. */
export interface CfCaller {
  user: CfIdentity
  permissions: Permissions
}

export type CfHandler = (req: SimRequest, caller: CfCaller) => SimResponse | Promise<SimResponse>

export interface CfPipelineOptions {
  store: CfStore
  uaaKey: SigningKey
  users: readonly CfUserConfig[]
  rateLimiter?: RateLimiter
}

/**
 * The request pipeline in front of every CF handler: bearer authentication → rate limit → handler, and on
 * every answer (errors included) `X-Vcap-Request-Id` plus, for authenticated callers, the `X-RateLimit-*` headers.
 */
export class CfPipeline {
  readonly #options: CfPipelineOptions

  constructor(options: CfPipelineOptions) {
    this.#options = options
  }

  /** Endpoints CC serves without a token and without rate limiting (`/`, `/v3`, `/v3/info`). */
  anonymous(handler: SimHandler): SimHandler {
    return async req => withHeaders(await handler(req), {})
  }

  authenticated(handler: CfHandler): SimHandler {
    const { store, uaaKey, users, rateLimiter } = this.#options
    return async req => {
      let rateLimitHeaders: Record<string, string> = {}
      try {
        const user = authenticatedUser(req, uaaKey, users)
        if (rateLimiter) {
          const decision = rateLimiter.take(user.guid)
          rateLimitHeaders = decision.headers
          if (!decision.allowed) throw CfErrors.rateLimitExceeded(decision.headers)
        }
        return withHeaders(await handler(req, { user, permissions: new Permissions(user.spaceRoles, store) }), rateLimitHeaders)
      } catch (err) {
        if (err instanceof SimHttpError) return withHeaders(err.response, rateLimitHeaders)
        throw err
      }
    }
  }
}

function withHeaders(response: SimResponse, extra: Record<string, string>): SimResponse {
  return { ...response, headers: { 'x-vcap-request-id': vcapRequestId(), ...response.headers, ...extra } }
}
