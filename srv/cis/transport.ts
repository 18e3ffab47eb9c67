import cds from '@sap/cds'
import type { Readable } from 'node:stream'
import {
  DestinationLookupError,
  DestinationTokenError,
  openThroughDestination,
  sendThroughDestination,
  UpstreamUnreachableError,
  type RemoteResponse,
  type StreamedRemoteResponse
} from '../connectivity/index.js'
import { entitlementsUrlOf, resolveCisDestination, type CisDestinationOptions, type CisDestinationRef } from './destination.js'
import { cisApiErrorFrom, CisApiError, CisMalformedResponseError } from './errors.js'
import { JsonSplitter, type ElementHandler, type SplitRule } from './json-splitter.js'

const LOG = cds.log('cis')

/** The two CIS APIs tenant-hub reads; each is its own host (WIRE-REFERENCE §B.1). */
export type CisApi = 'accounts' | 'entitlements'

export interface CisRetryPolicy {
  /** Attempts per request, the first included. */
  attempts: number
  /** Wait before the second attempt; doubles per attempt. */
  backoffMs: number
}

/** How `getSplit` cuts an answer into parts (see `JsonSplitter`). */
export interface SplitReading {
  /** Which arrays to cut out, by their path. */
  shouldSplit: SplitRule
  /** Called before each attempt, since a retry starts over: what receives the elements of that attempt. */
  startAttempt(): ElementHandler
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

  /**
   * Like `get`, for answers too large to hold whole: the body is split while it arrives, the elements of the
   * arrays `reading` picks go to its handler, and the rest of the document (those arrays left empty) is returned.
   * Retried as `get`; each attempt gets a fresh handler from `reading.startAttempt()`.
   */
  getSplit<T>(api: CisApi, operation: string, path: string, reading: SplitReading): Promise<T> {
    return withCisRetries(`CIS ${operation}`, this.#options.retry, () => this.#getSplitOnce<T>(api, operation, path, reading))
  }

  async #getSplitOnce<T>(api: CisApi, operation: string, path: string, reading: SplitReading): Promise<T> {
    let response = await this.#open(api, path, true)
    if (response.status === 401) {
      response.body.destroy()
      LOG.info('CIS refused the token of destination', this.#ref.name, '- resolving it again')
      response = await this.#open(api, path, false)
    }
    const target = `GET ${path.split('?')[0]}`
    if (response.status < 200 || response.status >= 300) {
      let text = ''
      await this.#read(response, target, chunk => (text += chunk))
      throw cisApiErrorFrom(operation, response.status, text)
    }
    const splitter = new JsonSplitter(reading.shouldSplit, reading.startAttempt())
    try {
      await this.#read(response, target, chunk => splitter.write(chunk))
      const skeleton = splitter.end()
      if (typeof skeleton !== 'object' || skeleton === null) throw new SyntaxError('not a JSON object')
      return skeleton as T
    } catch (err) {
      if (err instanceof SyntaxError) throw new CisMalformedResponseError(operation, response.status)
      throw err
    }
  }

  /**
   * Reads a body to its end; a reset or a stall is an `UpstreamUnreachableError`, as for `get`. A stall is
   * `requestTimeoutMs` without a byte, the socket timeout axios applies to a whole answer: a large answer that keeps
   * arriving is read to its end however long it takes.
   */
  async #read(response: StreamedRemoteResponse, target: string, onChunk: (chunk: string) => void): Promise<void> {
    const body: Readable = response.body
    const { requestTimeoutMs } = this.#options
    const stalled = () => body.destroy(new Error(`timeout: the answer stalled for ${requestTimeoutMs} ms`))
    let timer = setTimeout(stalled, requestTimeoutMs)
    const chunks = body[Symbol.asyncIterator]() as AsyncIterator<string>
    try {
      for (;;) {
        let next: IteratorResult<string>
        try {
          next = await chunks.next()
        } catch (err) {
          throw new UpstreamUnreachableError(this.#ref.name, target, err)
        }
        if (next.done) break
        clearTimeout(timer)
        onChunk(next.value)
        timer = setTimeout(stalled, requestTimeoutMs)
      }
    } finally {
      clearTimeout(timer)
      body.destroy()
    }
  }

  async #send(api: CisApi, path: string, useCache: boolean): Promise<RemoteResponse> {
    const destination = await this.#destinationFor(api, useCache)
    return sendThroughDestination(this.#ref.name, destination, { method: 'GET', path, timeoutMs: this.#options.requestTimeoutMs })
  }

  async #open(api: CisApi, path: string, useCache: boolean): Promise<StreamedRemoteResponse> {
    const destination = await this.#destinationFor(api, useCache)
    return openThroughDestination(this.#ref.name, destination, { method: 'GET', path, timeoutMs: this.#options.requestTimeoutMs })
  }

  async #destinationFor(api: CisApi, useCache: boolean) {
    const resolved = await resolveCisDestination(this.#ref, useCache)
    return api === 'accounts' ? resolved : { ...resolved, url: entitlementsUrlOf(resolved, this.#options) }
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
