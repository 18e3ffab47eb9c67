import type { CisErrorEnvelope } from './cis-types.js'

/** CIS error codes tenant-hub acts on (WIRE-REFERENCE §B.2). */
export const CIS_ERROR = {
  InvalidRequest: 11000,
  /** 429, documented without rate-limit or Retry-After headers. */
  RateLimitExceeded: 11006,
  SubaccountNotFound: 20004
} as const

/**
 * A CIS answer outside 2xx. Carries the remote status and the first-level code of CIS's envelope
 * `{"error":{code,message,target,correlationID}}`; `detail` is CIS's own text, for logs only.
 */
export class CisApiError extends Error {
  readonly status: number
  /** CIS error code, e.g. 20004; 0 when the body was no CIS envelope (401/403 come without one). */
  readonly cisCode: number
  readonly detail: string
  readonly correlationId?: string
  readonly operation: string

  constructor(operation: string, status: number, envelope: CisErrorEnvelope['error'] | undefined) {
    const detail = envelope?.message ?? `HTTP ${status}`
    super(`CIS ${operation} failed with ${status}${envelope ? ` (code ${envelope.code})` : ''}: ${detail}`)
    this.name = 'CisApiError'
    this.status = status
    this.cisCode = envelope?.code ?? 0
    this.detail = detail
    this.correlationId = envelope?.correlationID
    this.operation = operation
  }

  get isNotFound(): boolean {
    return this.status === 404
  }

  get isRateLimited(): boolean {
    return this.status === 429
  }

  /** The credentials of the destination were refused or lack a scope. */
  get isUnauthorized(): boolean {
    return this.status === 401 || this.status === 403
  }
}

/** A 2xx answer whose body is not the JSON CIS documents. */
export class CisMalformedResponseError extends Error {
  readonly status = 502
  readonly code = 'CIS_MALFORMED_RESPONSE'
  constructor(operation: string, httpStatus: number) {
    super(`CIS ${operation} answered ${httpStatus} with a body that is not the expected JSON`)
    this.name = 'CisMalformedResponseError'
  }
}

/** The CIS destination lacks what the client needs (e.g. where the entitlements service is). */
export class CisDestinationConfigError extends Error {
  readonly status = 502
  readonly code = 'CIS_DESTINATION_INCOMPLETE'
  readonly destination: string
  constructor(destination: string, message: string) {
    super(`Destination "${destination}": ${message}`)
    this.name = 'CisDestinationConfigError'
    this.destination = destination
  }
}

/** Builds the error for a non-2xx answer from CIS's envelope, when the body is one. */
export function cisApiErrorFrom(operation: string, status: number, body: unknown): CisApiError {
  const parsed = typeof body === 'string' ? tryParse(body) : body
  const envelope = (parsed as Partial<CisErrorEnvelope> | undefined)?.error
  return new CisApiError(operation, status, envelope && typeof envelope.code === 'number' ? envelope : undefined)
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
