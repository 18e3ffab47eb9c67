/**
 * The one error factory of the CIS simulator: every error of the accounts and entitlements services is rendered
 * here in the real envelope `{"error":{code,message,target,correlationID[,details]}}` with the real headers.
 * Codes marked [U] are not seen on the wire (WIRE-REFERENCE §B.2 lists only 11000, 11006/11007, 20004, 20013).
 */
import { STATUS_CODES } from 'node:http'
import { SimHttpError, type SimResponse } from '../kernel/index.js'
import { cisHeaders, newCorrelationId } from './responses.js'
import type { CisErrorDetail } from './wire-types.js'

export const CisErrorCode = {
  /** [U] generic server failure (10xxx family). */
  internalError: 10000,
  /** Invalid request (11xxx family); also used for refused or malformed query parameters. */
  invalidRequest: 11000,
  rateLimitExceeded: 11006,
  rateLimitRule: 11007,
  subaccountNotFound: 20004,
  /** [U] the accounts-service family (2xxxx) has a directory-not-found code; its number is not recorded. */
  directoryNotFound: 20005
} as const

/** The rule text of the 11007 detail; the documented example rule is 5 GETs in 3 seconds. */
const RATE_LIMIT_RULE = 'Maximum request rate limit is 5 requests in 3 seconds'

interface CisErrorSpec {
  code: number
  message: string
  target?: string
  details?: CisErrorDetail[]
}

/** An error answer in the CIS envelope; `target` is the request path when known. */
function cisErrorResponse(status: number, spec: CisErrorSpec): SimResponse {
  const correlationID = newCorrelationId()
  const error = { code: spec.code, message: spec.message, ...(spec.target ? { target: spec.target } : {}), correlationID }
  return {
    status,
    headers: cisHeaders(correlationID),
    body: { error: spec.details ? { ...error, details: spec.details } : error }
  }
}

/** Named factories, one per condition; handlers `throw` what they return. */
export const cisErrors = {
  subaccountNotFound(guid: string, target: string): SimHttpError {
    return new SimHttpError(
      cisErrorResponse(404, { code: CisErrorCode.subaccountNotFound, message: `Subaccount ${guid} not found`, target })
    )
  },

  directoryNotFound(guid: string, target: string): SimHttpError {
    return new SimHttpError(
      cisErrorResponse(404, { code: CisErrorCode.directoryNotFound, message: `Directory ${guid} not found`, target })
    )
  },

  unsupportedQueryParameter(name: string, supported: readonly string[], target: string): SimHttpError {
    const accepted = supported.length ? `Supported parameters: ${supported.join(', ')}.` : 'The endpoint takes no parameters.'
    return invalidRequest(`Unsupported query parameter '${name}'. ${accepted}`, target)
  },

  invalidQueryParameter(name: string, value: string, expected: string, target: string): SimHttpError {
    return invalidRequest(`Invalid value '${value}' for query parameter '${name}': ${expected}`, target)
  },

  /** [U] the spec declares no body for 401; the simulator sends none. */
  unauthorized(): SimHttpError {
    const response = renderCisError(401)
    return new SimHttpError(response, 'missing, invalid or expired bearer token')
  }
}

function invalidRequest(message: string, target: string): SimHttpError {
  return new SimHttpError(cisErrorResponse(400, { code: CisErrorCode.invalidRequest, message, target }))
}

/**
 * The answer for a status without a handler behind it: unrouted paths, oversized bodies, crashes and injected
 * faults. A 429 is the documented rate-limit body and carries no rate-limit or Retry-After headers.
 */
export function renderCisError(status: number, detail?: string): SimResponse {
  if (status === 401 || status === 403) {
    return {
      status,
      headers: { ...cisHeaders(newCorrelationId()), ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}) }
    }
  }
  if (status === 429) {
    return cisErrorResponse(429, {
      code: CisErrorCode.rateLimitExceeded,
      message: 'Request rate limit exceeded.',
      details: [{ code: CisErrorCode.rateLimitRule, message: RATE_LIMIT_RULE }]
    })
  }
  const code = status >= 500 ? CisErrorCode.internalError : CisErrorCode.invalidRequest
  return cisErrorResponse(status, { code, message: detail ?? STATUS_CODES[status] ?? 'Error' })
}
