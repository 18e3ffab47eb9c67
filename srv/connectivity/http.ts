import { executeHttpRequest } from '@sap-cloud-sdk/http-client'
import type { HttpDestination } from '@sap-cloud-sdk/connectivity'
import type { Readable } from 'node:stream'
import { UpstreamUnreachableError } from './errors.js'

export interface RemoteRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Path and query relative to the destination URL; query values already percent-encoded. */
  path: string
  body?: unknown
  /** Per-attempt timeout. */
  timeoutMs: number
}

/** The raw answer: any status, so callers can read the remote's own error envelope. */
export interface RemoteResponse {
  status: number
  headers: Record<string, string | undefined>
  /** Parsed JSON, or the raw text when the body is not JSON. */
  data: unknown
}

/**
 * Sends one request through a resolved destination with the Cloud SDK: no CSRF fetch (CF and CIS have none,
 * and it would double every write), a timeout, and every status returned rather than thrown.
 * Only a request that got no answer at all throws (`UpstreamUnreachableError`).
 */
export async function sendThroughDestination(
  destinationName: string,
  destination: HttpDestination,
  request: RemoteRequest
): Promise<RemoteResponse> {
  const response = await execute(destinationName, destination, request, 'parsed')
  return { status: response.status, headers: response.headers, data: response.data }
}

/** An answer whose body is still to be read, as UTF-8 text chunks. */
export interface StreamedRemoteResponse {
  status: number
  headers: Record<string, string | undefined>
  /** Must be read to its end or destroyed. */
  body: Readable
}

/**
 * Like `sendThroughDestination`, but the body is handed over unread, for answers too large to hold whole. The
 * request timeout covers the wait for the answer; the caller bounds the reading of the body.
 */
export async function openThroughDestination(
  destinationName: string,
  destination: HttpDestination,
  request: RemoteRequest
): Promise<StreamedRemoteResponse> {
  const response = await execute(destinationName, destination, request, 'stream')
  const body = response.data as Readable
  body.setEncoding('utf8')
  return { status: response.status, headers: response.headers, body }
}

async function execute(destinationName: string, destination: HttpDestination, request: RemoteRequest, responseType: 'parsed' | 'stream') {
  try {
    const response = await executeHttpRequest(
      destination,
      {
        method: request.method,
        url: request.path,
        data: request.body,
        headers: { accept: 'application/json' },
        timeout: request.timeoutMs,
        validateStatus: () => true,
        // Passed through to axios, which the Cloud SDK sends with. Not 'json' for parsed answers: axios would then
        // throw on a malformed body, which callers want as the text it is.
        ...(responseType === 'stream' ? { responseType } : {})
      },
      { fetchCsrfToken: false }
    )
    return { status: response.status, headers: response.headers as Record<string, string | undefined>, data: response.data as unknown }
  } catch (err) {
    throw new UpstreamUnreachableError(destinationName, `${request.method} ${request.path.split('?')[0]}`, err)
  }
}
