import { executeHttpRequest } from '@sap-cloud-sdk/http-client'
import type { HttpDestination } from '@sap-cloud-sdk/connectivity'
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
  try {
    const response = await executeHttpRequest(
      destination,
      {
        method: request.method,
        url: request.path,
        data: request.body,
        headers: { accept: 'application/json' },
        timeout: request.timeoutMs,
        validateStatus: () => true
      },
      { fetchCsrfToken: false }
    )
    return { status: response.status, headers: response.headers as Record<string, string | undefined>, data: response.data }
  } catch (err) {
    throw new UpstreamUnreachableError(destinationName, `${request.method} ${request.path.split('?')[0]}`, err)
  }
}
