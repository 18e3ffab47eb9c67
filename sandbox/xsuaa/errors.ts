import { SimHttpError, type SimResponse } from '../kernel/index.js'

const ERROR_BY_STATUS: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'access_denied',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'invalid_request',
  429: 'too_many_requests'
}

/** XSUAA's (Spring OAuth) error body: `{"error": <code>, "error_description": <text>}`. */
export function renderXsuaaError(status: number, description?: string, error = ERROR_BY_STATUS[status] ?? 'server_error'): SimResponse {
  const headers: Record<string, string> = { 'cache-control': 'no-store', pragma: 'no-cache' }
  if (status === 401) headers['www-authenticate'] = `Basic realm="UAA/client", error="${error}", error_description="${description ?? ''}"`
  return { status, headers, body: { error, error_description: description ?? statusText(status) } }
}

function statusText(status: number): string {
  if (status === 404) return 'Not Found'
  if (status >= 500) return 'Internal Server Error'
  return `HTTP ${status}`
}

/** One factory method per condition the simulator refuses. */
export const XsuaaErrors = {
  authenticationRequired: () => new SimHttpError(renderXsuaaError(401, 'Full authentication is required to access this resource')),
  badCredentials: () => new SimHttpError(renderXsuaaError(401, 'Bad credentials')),
  unknownZone: (zone: string) =>
    new SimHttpError(renderXsuaaError(401, `Bad credentials (no identity zone '${zone}' in the sandbox XSUAA)`)),
  unsupportedGrantType: (grantType: string) =>
    new SimHttpError(renderXsuaaError(400, `Unsupported grant type: ${grantType}`, 'unsupported_grant_type')),
  unsupportedParameter: (name: string) =>
    new SimHttpError(renderXsuaaError(400, `Parameter '${name}' is not supported by the sandbox XSUAA`)),
  invalidRequest: (description: string) => new SimHttpError(renderXsuaaError(400, description)),
  /** `/token_keys?zid=` for an unknown zone; xssec turns a 400 there into a WrongAudienceError. */
  unknownZoneKeys: (zone: string) => new SimHttpError(renderXsuaaError(400, `Unknown identity zone '${zone}'`)),
  notFound: (description: string) => new SimHttpError(renderXsuaaError(404, description))
}
