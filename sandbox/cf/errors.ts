import { randomUUID } from 'node:crypto'
import { SimHttpError, type SimResponse } from '../kernel/index.js'

/**
 * The entries of cloud_controller_ng `errors/v2.yml` the simulator raises, keyed by their name there.
 * The contract tests check every entry against the catalogue file.
 */
export const CF_ERROR_CATALOGUE = {
  InvalidAuthToken: { code: 1000, httpCode: 401, message: 'Invalid Auth Token' },
  MessageParseError: { code: 1001, httpCode: 400, message: 'Request invalid due to parse error: %s' },
  NotFound: { code: 10000, httpCode: 404, message: 'Unknown request' },
  NotAuthenticated: { code: 10002, httpCode: 401, message: 'Authentication error' },
  NotAuthorized: { code: 10003, httpCode: 403, message: 'You are not authorized to perform the requested action' },
  InvalidRequest: { code: 10004, httpCode: 400, message: 'The request is invalid' },
  BadQueryParameter: { code: 10005, httpCode: 400, message: 'The query parameter is invalid: %s' },
  UnprocessableEntity: { code: 10008, httpCode: 422, message: '%s' },
  ResourceNotFound: { code: 10010, httpCode: 404, message: '%s' },
  RateLimitExceeded: { code: 10013, httpCode: 429, message: 'Rate Limit Exceeded' },
  ServiceUnavailable: { code: 10015, httpCode: 503, message: '%s' }
} as const

export type CfErrorName = keyof typeof CF_ERROR_CATALOGUE

/** One entry of the `errors` array; CC writes the keys in this order. */
export interface CfErrorObject {
  detail: string
  title: string
  code: number
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

/** `X-Vcap-Request-Id` as the BTP gorouter + CC pair writes it: `<uuid>::<uuid>`. */
export function vcapRequestId(): string {
  return `${randomUUID()}::${randomUUID()}`
}

function errorObject(name: CfErrorName, detail?: string): CfErrorObject {
  const entry = CF_ERROR_CATALOGUE[name]
  return { detail: entry.message.replace('%s', detail ?? ''), title: `CF-${name}`, code: entry.code }
}

function envelope(status: number, error: CfErrorObject, headers: Record<string, string> = {}): SimResponse {
  return {
    status,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'x-vcap-request-id': vcapRequestId(), ...headers },
    body: { errors: [error] }
  }
}

function cfError(name: CfErrorName, detail?: string): SimHttpError {
  return new SimHttpError(envelope(CF_ERROR_CATALOGUE[name].httpCode, errorObject(name, detail)), `CF-${name}`)
}

/** The one place CF error responses come from: a named factory per condition, rendering CC's envelope. */
export const CfErrors = {
  notAuthenticated: () => cfError('NotAuthenticated'),
  invalidAuthToken: () => cfError('InvalidAuthToken'),
  notAuthorized: () => cfError('NotAuthorized'),
  /** `Route not found`, `App not found`, ... */
  resourceNotFound: (resource: string) => cfError('ResourceNotFound', `${resource} not found`),
  badQueryParameter: (detail: string) => cfError('BadQueryParameter', detail),
  invalidRequestBody: () => cfError('MessageParseError', 'invalid request body'),
  /** CC joins all validation messages with ", ". */
  unprocessable: (messages: string | readonly string[]) =>
    cfError('UnprocessableEntity', typeof messages === 'string' ? messages : messages.join(', ')),
  /** CC's rate limiter answers with a JSON body but a `text/plain` content type. */
  rateLimitExceeded: (headers: Record<string, string>) =>
    new SimHttpError(
      {
        status: 429,
        headers: { 'x-vcap-request-id': vcapRequestId(), ...headers, 'content-type': 'text/plain; charset=utf-8' },
        body: JSON.stringify({ errors: [errorObject('RateLimitExceeded')] })
      },
      'CF-RateLimitExceeded'
    )
} as const

/** Details for `%s` messages when an injected fault names only a status. */
const DEFAULT_FAULT_DETAIL: Record<number, string> = { 422: 'Unprocessable Entity', 502: 'Bad Gateway', 504: 'Gateway Timeout' }

/** v3 renders unexpected exceptions without the `CF-` prefix and outside the v2 catalogue. */
const UNKNOWN_ERROR: CfErrorObject = { detail: 'An unknown error occurred.', title: 'UnknownError', code: 10001 }

/**
 * The CF envelope for a bare status, used by the kernel for unrouted paths (CC answers any unknown path or
 * method, HEAD included, with 404 `Unknown request`), oversized bodies and injected faults.
 */
export function renderCfError(status: number, detail?: string): SimResponse {
  if (status === 500) return envelope(status, UNKNOWN_ERROR)
  if (status === 429) return CfErrors.rateLimitExceeded({}).response
  const name = statusToErrorName(status)
  return envelope(status, errorObject(name, detail ?? DEFAULT_FAULT_DETAIL[status] ?? 'Service Unavailable'))
}

function statusToErrorName(status: number): CfErrorName {
  switch (status) {
    case 401: return 'InvalidAuthToken'
    case 403: return 'NotAuthorized'
    case 404: return 'NotFound'
    case 422: return 'UnprocessableEntity'
    default: return status >= 500 ? 'ServiceUnavailable' : 'InvalidRequest'
  }
}
