import { formBody, type SimHandler, type SimRequest, type SimResponse } from '../kernel/index.js'
import { authenticateClient } from './client-authentication.js'
import { UaaErrors, uaaHeaders } from './errors.js'
import { originFromLoginHint } from './login-hint.js'
import { CF_CLIENT_ID, type UaaTokenIssuer } from './token-issuer.js'
import type { UaaSimulatorOptions, UaaTokenResponse, UaaUser } from './uaa-types.js'

type TokenEndpointOptions = Pick<UaaSimulatorOptions, 'users' | 'origins' | 'defaultOrigin'>

/** `POST /oauth/token` for the `cf` client: password and refresh grants. */
export function tokenEndpoint(issuer: UaaTokenIssuer, options: TokenEndpointOptions): SimHandler {
  return req => {
    const form = formBody(req)
    authenticateClient(req, form, CF_CLIENT_ID)
    const grantType = form.get('grant_type')
    switch (grantType) {
      case null:
        throw UaaErrors.invalidRequest('Missing grant type')
      case 'password':
        return tokenResponse(issuer.issue(passwordGrantUser(req, form, options), 'password', req.baseUrl))
      case 'refresh_token':
        return refreshGrant(req, form, issuer, options.users)
      default:
        throw UaaErrors.unsupportedGrantType(grantType)
    }
  }
}

function passwordGrantUser(req: SimRequest, form: URLSearchParams, options: TokenEndpointOptions): UaaUser {
  const username = form.get('username')
  const password = form.get('password')
  if (!username || password === null) throw UaaErrors.invalidRequest('Missing username or password')
  // clients put login_hint into the form (Destination service) or into the token URL's query (Terraform)
  const hinted = originFromLoginHint(form.get('login_hint') ?? req.query.get('login_hint'))
  if (hinted === null || (hinted !== undefined && !options.origins.includes(hinted))) throw UaaErrors.unknownOrigin()
  const origin = hinted ?? options.defaultOrigin
  const user = options.users.find(u => u.username === username && u.origin === origin)
  if (!user || user.password !== password) throw UaaErrors.badUserCredentials()
  return user
}

function refreshGrant(req: SimRequest, form: URLSearchParams, issuer: UaaTokenIssuer, users: readonly UaaUser[]): SimResponse {
  const refreshToken = form.get('refresh_token')
  if (!refreshToken) throw UaaErrors.invalidRequest('Missing refresh token')
  const userId = issuer.userIdOfRefreshToken(refreshToken)
  const user = users.find(u => u.userId === userId)
  if (!user) throw UaaErrors.invalidRefreshToken()
  return tokenResponse(issuer.issue(user, 'refresh_token', req.baseUrl, refreshToken))
}

function tokenResponse(body: UaaTokenResponse): SimResponse {
  return { status: 200, headers: uaaHeaders(), body }
}
