import { randomUUID } from 'node:crypto'
import { SimHttpError, type SimResponse } from '../kernel/index.js'

/** UAA (Spring) answers JSON with this exact content type, on success and on error. */
export const UAA_JSON_CONTENT_TYPE = 'application/json;charset=UTF-8'

/** Headers UAA sends on every token endpoint answer. */
export function uaaHeaders(): Record<string, string> {
  return {
    'content-type': UAA_JSON_CONTENT_TYPE,
    'cache-control': 'no-store',
    pragma: 'no-cache',
    'x-vcap-request-id': randomUUID()
  }
}

function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): SimHttpError {
  return new SimHttpError(
    { status, headers: { ...uaaHeaders(), ...headers }, body: { error, error_description: description } },
    `UAA ${error}`
  )
}

const BAD_CREDENTIALS = 'Bad credentials'

/** The one place UAA error responses come from (OAuth2 `{error, error_description}`). */
export const UaaErrors = {
  /** Unknown user, wrong password, or a user of another origin than the hinted one. */
  badUserCredentials: () => oauthError(401, 'unauthorized', BAD_CREDENTIALS),
  unknownOrigin: () =>
    oauthError(401, 'unauthorized', 'The origin provided in the login_hint does not match an active Identity Provider, that supports password grant.'),
  badClientCredentials: () =>
    oauthError(401, 'unauthorized', BAD_CREDENTIALS, {
      'www-authenticate': `Basic realm="UAA/client", error="unauthorized", error_description="${BAD_CREDENTIALS}"`
    }),
  missingClientAuthentication: () =>
    oauthError(401, 'unauthorized', 'Full authentication is required to access this resource', {
      'www-authenticate': 'Basic realm="UAA/client", error="unauthorized", error_description="Full authentication is required to access this resource"'
    }),
  unsupportedGrantType: (grantType: string) => oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`),
  invalidRequest: (description: string) => oauthError(400, 'invalid_request', description),
  invalidRefreshToken: () => oauthError(401, 'invalid_token', 'Invalid refresh token')
} as const

const ERROR_BY_STATUS: Record<number, [string, string]> = {
  400: ['invalid_request', 'Bad Request'],
  401: ['unauthorized', 'Full authentication is required to access this resource'],
  403: ['access_denied', 'Access is denied'],
  404: ['not_found', 'Not Found'],
  429: ['too_many_requests', 'Too Many Requests'],
  500: ['server_error', 'Internal Server Error'],
  503: ['temporarily_unavailable', 'Service Unavailable']
}

/** The OAuth2 envelope for a bare status (unrouted paths, oversized bodies, injected faults). */
export function renderUaaError(status: number): SimResponse {
  const [error, description] = ERROR_BY_STATUS[status] ?? (status >= 500 ? ERROR_BY_STATUS[500] : ERROR_BY_STATUS[400])
  return oauthError(status, error, description).response
}
