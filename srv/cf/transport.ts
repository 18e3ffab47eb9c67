import cds from '@sap/cds'
import { forgetDestinations, resolveDestination, sendThroughDestination, type RemoteResponse } from '../connectivity/index.js'
import { CF_ERROR, cfApiErrorFrom, CfMalformedResponseError } from './errors.js'
import { rateLimitGateOf } from './rate-limit-gate.js'
import { parseRetryAfter, withRetries, type RetryPolicy } from './retry.js'

const LOG = cds.log('cf')

export interface CfTransportOptions {
  /** Name of the destination that points at the CF API with an OAuth2Password token (`CFAPI`). */
  destination: string
  /** Timeout of one HTTP attempt. */
  requestTimeoutMs: number
  retry: RetryPolicy
}

export interface CfRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Path with an already encoded query, e.g. `/v3/routes?hosts=a`. */
  path: string
  body?: unknown
}

/**
 * Sends CF API requests through the provider's CF destination, with retries (see `withRetries`), paced by CF's
 * rate limit (see `RateLimitGate`).
 * A 401 "Invalid Auth Token" on a cached destination means its token expired in flight: the destination is
 * resolved again, once, without the cache.
 */
export class CfTransport {
  readonly #options: CfTransportOptions

  constructor(options: CfTransportOptions) {
    this.#options = options
  }

  /** Answers with the response of the first successful attempt; non-2xx answers throw `CfApiError`. */
  async send(operation: string, request: CfRequest): Promise<RemoteResponse> {
    const { destination: name, requestTimeoutMs, retry } = this.#options
    const gate = rateLimitGateOf(name)
    return withRetries(operation, retry, async remainingMs => {
      const deadline = Date.now() + remainingMs
      await gate.enter(operation, deadline)
      // The time left after waiting for the gate, not before.
      const timeoutMs = () => Math.max(1, Math.min(requestTimeoutMs, deadline - Date.now()))
      let response: RemoteResponse | undefined
      try {
        response = await this.#sendOnce(name, request, timeoutMs(), true)
        if (response.status === 401 && cfCodeOf(response) === CF_ERROR.InvalidAuthToken) {
          LOG.info('CF rejected the cached token of destination', name, '- resolving it again')
          await forgetDestinations()
          response = await this.#sendOnce(name, request, timeoutMs(), false)
        }
      } finally {
        gate.leave(response)
      }
      if (response.status < 200 || response.status >= 300)
        throw cfApiErrorFrom(operation, response.status, response.data, parseRetryAfter(response.headers['retry-after']))
      if (response.status !== 202 && response.status !== 204 && (typeof response.data !== 'object' || response.data === null))
        throw new CfMalformedResponseError(operation, response.status)
      return response
    })
  }

  async #sendOnce(name: string, request: CfRequest, timeoutMs: number, useCache: boolean): Promise<RemoteResponse> {
    const destination = await resolveDestination(name, { useCache })
    return sendThroughDestination(name, destination, { ...request, timeoutMs })
  }
}

function cfCodeOf(response: RemoteResponse): number | undefined {
  const data = typeof response.data === 'string' ? safeParse(response.data) : response.data
  return (data as { errors?: Array<{ code?: number }> } | undefined)?.errors?.[0]?.code
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
