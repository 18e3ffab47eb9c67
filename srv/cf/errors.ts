import type { CfErrorEntry } from './cf-types.js'

/** CF error codes tenant-hub acts on (cloud_controller_ng errors/v2.yml). */
export const CF_ERROR = {
  InvalidAuthToken: 1000,
  NotAuthenticated: 10002,
  NotAuthorized: 10003,
  UnprocessableEntity: 10008,
  ResourceNotFound: 10010,
  RateLimitExceeded: 10013
} as const

/** A CF API answer outside 2xx, with the first entry of CF's error envelope. */
export class CfApiError extends Error {
  readonly status: number
  /** CF error code, e.g. 10008; 0 when the body was not a CF envelope. */
  readonly cfCode: number
  readonly title: string
  readonly detail: string
  readonly operation: string
  /** How long CF asked to wait (`Retry-After`), for 429 and 503 answers. */
  readonly retryAfterMs?: number

  constructor(operation: string, status: number, entry: CfErrorEntry | undefined, options: { cause?: unknown; retryAfterMs?: number } = {}) {
    const detail = entry?.detail ?? `HTTP ${status}`
    super(`CF API ${operation} failed with ${status}${entry ? ` ${entry.title} (${entry.code})` : ''}: ${detail}`, { cause: options.cause })
    this.name = 'CfApiError'
    this.status = status
    this.cfCode = entry?.code ?? 0
    this.title = entry?.title ?? ''
    this.detail = detail
    this.operation = operation
    this.retryAfterMs = options.retryAfterMs
  }

  get isRouteAlreadyExists(): boolean {
    return this.status === 422 && this.cfCode === CF_ERROR.UnprocessableEntity && this.detail.startsWith('Route already exists')
  }

  get isNotFound(): boolean {
    return this.status === 404
  }
}

/** The CF API gave no usable answer before the operation's deadline; `cause` is the last failure. */
export class CfDeadlineError extends Error {
  readonly status = 504
  readonly code = 'CF_API_DEADLINE_EXCEEDED'
  readonly attempts: number

  constructor(operation: string, deadlineMs: number, attempts: number, cause: unknown) {
    super(`CF API ${operation} did not succeed within ${deadlineMs} ms (${attempts} attempts); last failure: ${(cause as Error)?.message ?? cause}`, { cause })
    this.name = 'CfDeadlineError'
    this.attempts = attempts
  }
}

/** A 2xx answer whose body is not the JSON the CF API documents. */
export class CfMalformedResponseError extends Error {
  readonly status = 502
  readonly code = 'CF_API_MALFORMED_RESPONSE'
  constructor(operation: string, httpStatus: number) {
    super(`CF API ${operation} answered ${httpStatus} with a body that is not the expected JSON`)
    this.name = 'CfMalformedResponseError'
  }
}

/** A lookup that must find exactly one resource found none or several. */
export class CfLookupError extends Error {
  readonly status = 502
  readonly code = 'CF_RESOURCE_NOT_UNIQUE'
  constructor(what: string, found: number) {
    super(found === 0 ? `CF API: ${what} was not found` : `CF API: ${what} is ambiguous (${found} found)`)
    this.name = 'CfLookupError'
  }
}

/** Builds the error for a non-2xx answer from CF's envelope `{"errors":[{code,title,detail}]}`. */
export function cfApiErrorFrom(operation: string, status: number, body: unknown, retryAfterMs?: number): CfApiError {
  // A 429 comes as `text/plain` with a JSON text body (WIRE-REFERENCE §A.1).
  const parsed = typeof body === 'string' ? tryParse(body) : body
  const entry = (parsed as { errors?: CfErrorEntry[] } | undefined)?.errors?.[0]
  return new CfApiError(operation, status, entry && typeof entry.code === 'number' ? entry : undefined, { retryAfterMs })
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
