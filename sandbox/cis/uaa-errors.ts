/**
 * Errors of the global account's XSUAA token endpoint, in the OAuth2 shape `{"error","error_description"}`
 * (WIRE-REFERENCE §A.5: the same UAA code answers client authentication failures).
 */
import { STATUS_CODES } from 'node:http'
import { SimHttpError, type SimResponse } from '../kernel/index.js'

/** Headers of every token-endpoint answer. */
export const OAUTH_HEADERS = { 'cache-control': 'no-store', pragma: 'no-cache', 'content-type': 'application/json;charset=UTF-8' }

function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { ...OAUTH_HEADERS, ...headers }, body: { error, error_description: description } }
}

export const uaaErrors = {
  /** Unknown client or wrong secret. */
  badCredentials(): SimHttpError {
    return new SimHttpError(
      oauthError(401, 'unauthorized', 'Bad credentials', {
        'www-authenticate': 'Basic realm="UAA/client", error="unauthorized", error_description="Bad credentials"'
      })
    )
  },

  missingGrantType(): SimHttpError {
    return new SimHttpError(oauthError(400, 'invalid_request', 'Missing grant type'))
  },

  /** `central-viewer` instances accept only the client-credentials grant (WIRE-REFERENCE §B.1). */
  unsupportedGrantType(grantType: string): SimHttpError {
    return new SimHttpError(oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`))
  }
}

/** Answers for unrouted paths, crashes and injected faults of the token endpoint. */
export function renderUaaError(status: number, detail?: string): SimResponse {
  const description = detail ?? STATUS_CODES[status] ?? 'Error'
  if (status === 401) return oauthError(401, 'unauthorized', description)
  if (status >= 500) return oauthError(status, 'server_error', description)
  return oauthError(status, 'invalid_request', description)
}
