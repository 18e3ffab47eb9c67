import cds from '@sap/cds'
import { DestinationLookupError, DestinationTokenError, sendThroughDestination, UpstreamUnreachableError, type RemoteResponse } from '../connectivity/index.js'
import { entitlementsUrlOf, resolveCisDestination, type CisDestinationOptions, type CisDestinationRef } from './destination.js'
import { cisApiErrorFrom, CisApiError, CisMalformedResponseError } from './errors.js'

const LOG = cds.log('cis')

/** The two CIS APIs tenant-hub reads; each is its own host (WIRE-REFERENCE §B.1). */
export type CisApi = 'accounts' | 'entitlements'

export interface CisRetryPolicy {
  /** Attempts per request, the first included. */
  attempts: number
  /** Wait before the second attempt; doubles per attempt. */
  backoffMs: number
}

export interface CisTransportOptions extends CisDestinationOptions {
  /** Timeout of one HTTP attempt. */
  requestTimeoutMs: number
  retry: CisRetryPolicy
}

/**
 * Sends GET requests to the CIS accounts and entitlements services through one located destination, retried as
 * `withCisRetries` says. A 401 on a cached destination means its token expired in flight: resolved again, once,
 * without the cache.
 */
export class CisTransport {
  readonly #ref: CisDestinationRef
  readonly #options: CisTransportOptions

  constructor(ref: CisDestinationRef, options: CisTransportOptions) {
    this.#ref = ref
    this.#options = options
  }

  /** The parsed JSON body of a 2xx answer; non-2xx answers throw `CisApiError`. */
  get<T>(api: CisApi, operation: string, path: string): Promise<T> {
    return withCisRetries(`CIS ${operation}`, this.#options.retry, () => this.#getOnce<T>(api, operation, path))
  }

  async #getOnce<T>(api: CisApi, operation: string, path: string): Promise<T> {
    let response = await this.#send(api, path, true)
    if (response.status === 401) {
      LOG.info('CIS refused the token of destination', this.#ref.name, '- resolving it again')
      response = await this.#send(api, path, false)
    }
    if (response.status < 200 || response.status >= 300) throw cisApiErrorFrom(operation, response.status, response.data)
    if (typeof response.data !== 'object' || response.data === null) throw new CisMalformedResponseError(operation, response.status)
    return response.data as T
  }

  async #send(api: CisApi, path: string, useCache: boolean): Promise<RemoteResponse> {
    const resolved = await resolveCisDestination(this.#ref, useCache)
    const destination = api === 'accounts' ? resolved : { ...resolved, url: entitlementsUrlOf(resolved, this.#options) }
    return sendThroughDestination(this.#ref.name, destination, { method: 'GET', path, timeoutMs: this.#options.requestTimeoutMs })
  }
}

/**
 * Runs `attempt` up to `policy.attempts` times while it fails in a way a repetition can fix, waiting `backoffMs`
 * (doubling) in between. Retried: 5xx, no answer (refused, reset, timeout), malformed 2xx bodies, a destination
 * service that failed to answer, and a failed token retrieval once: the destination service reports a token service
 * outage and refused credentials alike, and only the first may pass. Not retried: 429 — CIS sends no Retry-After, so
 * backing off is the caller's decision — and every other 4xx.
 */
export async function withCisRetries<T>(what: string, policy: CisRetryPolicy, attempt: () => Promise<T>): Promise<T> {
  for (let attempts = 1; ; attempts++) {
    try {
      return await attempt()
    } catch (err) {
      if (attempts >= policy.attempts || !isRetryable(err, attempts)) throw err
      LOG.debug(what, 'attempt', attempts, 'failed, retrying:', (err as Error).message)
      await new Promise(resolve => setTimeout(resolve, policy.backoffMs * 2 ** (attempts - 1)))
    }
  }
}

function isRetryable(err: unknown, attempts: number): boolean {
  if (err instanceof DestinationTokenError) return attempts === 1
  if (err instanceof UpstreamUnreachableError || err instanceof DestinationLookupError || err instanceof CisMalformedResponseError) return true
  return err instanceof CisApiError && err.status >= 500
}
