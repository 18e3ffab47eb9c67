import { formBody, jsonBody, publicJwk, Router, type SigningKey, type SimRequest, type SimResponse } from '../kernel/index.js'
import { InvalidTokenRequestError, type XsuaaAuthority } from './authority.js'
import { XsuaaErrors } from './errors.js'
import type { ZoneSelector } from './grant-log.js'
import type { IssuedToken, OAuthClient, Zone } from './xsuaa-types.js'

/** Parameters the token endpoint understands; anything else is refused rather than silently ignored. */
const FORM_PARAMETERS = new Set(['grant_type', 'client_id', 'client_secret', 'response_type', 'token_format'])
/** @sap/cds-mtxs appends `?response_type=token`, which XSUAA ignores. */
const QUERY_PARAMETERS = new Set(['response_type'])
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' }

export function createXsuaaRouter(authority: XsuaaAuthority, key: SigningKey): Router {
  return new Router()
    .post('/oauth/token', req => tokenGrant(authority, req))
    .get('/token_keys', req => tokenKeys(authority, key, req))
    .post('/sandbox/user-token', req => sandboxUserToken(authority, req))
}

/** `POST /oauth/token`: the client-credentials grant, for the zone named by `x-zid`, the host subdomain, or the provider. */
function tokenGrant(authority: XsuaaAuthority, req: SimRequest): SimResponse {
  const form = formBody(req)
  for (const name of form.keys()) if (!FORM_PARAMETERS.has(name)) throw XsuaaErrors.unsupportedParameter(name)
  for (const name of req.query.keys()) if (!QUERY_PARAMETERS.has(name)) throw XsuaaErrors.unsupportedParameter(name)
  const tokenFormat = form.get('token_format')
  if (tokenFormat !== null && tokenFormat !== 'jwt') throw XsuaaErrors.invalidRequest(`token_format '${tokenFormat}' is not supported by the sandbox XSUAA`)

  const client = authenticateClient(authority, req, form)
  const grantType = form.get('grant_type')
  if (!grantType) throw XsuaaErrors.invalidRequest('Missing grant type')
  if (grantType !== 'client_credentials') throw XsuaaErrors.unsupportedGrantType(grantType)

  const { zone, selector } = requestedZone(authority, req)
  return tokenResponse(authority.grantClientCredentials(client, zone, selector))
}

/** Basic `clientid:clientsecret` and/or `client_id` + `client_secret` in the form; when both are sent they must agree. */
function authenticateClient(authority: XsuaaAuthority, req: SimRequest, form: URLSearchParams): OAuthClient {
  const basic = basicCredentials(req.headers.authorization)
  const formId = form.get('client_id')
  if (basic && formId !== null && formId !== basic.id) throw XsuaaErrors.badCredentials()
  const id = basic?.id ?? formId
  const secret = basic?.secret ?? form.get('client_secret')
  if (id === null || secret === null) throw XsuaaErrors.authenticationRequired()
  const client = authority.clients.authenticate(id, secret)
  if (!client) throw XsuaaErrors.badCredentials()
  return client
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^basic\s+(\S+)$/i.exec(header?.trim() ?? '')
  if (!match) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  return colon < 0 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) }
}

function requestedZone(authority: XsuaaAuthority, req: SimRequest): { zone: Zone; selector: ZoneSelector } {
  const zid = req.headers['x-zid']
  if (typeof zid === 'string' && zid) {
    const zone = authority.zones.get(zid)
    if (!zone) throw XsuaaErrors.unknownZone(zid)
    return { zone, selector: 'x-zid' }
  }
  const subdomain = /^([^.]+)\.localhost(:\d+)?$/i.exec(req.headers.host ?? '')?.[1]
  if (subdomain) {
    const zone = authority.zones.findBySubdomain(subdomain)
    if (!zone) throw XsuaaErrors.unknownZone(subdomain)
    return { zone, selector: 'subdomain' }
  }
  return { zone: authority.zones.provider, selector: 'provider' }
}

/** `GET /token_keys[?zid=]`: the JWKS xssec validates signatures with (one key for every zone, as on a landscape). */
function tokenKeys(authority: XsuaaAuthority, key: SigningKey, req: SimRequest): SimResponse {
  const zid = req.query.get('zid')
  if (zid !== null && !authority.zones.get(zid)) throw XsuaaErrors.unknownZoneKeys(zid)
  return { status: 200, body: { keys: [publicJwk(key)] } }
}

/**
 * `POST /sandbox/user-token` `{tenant, userName, scopes, expiresInSeconds?, origin?}` (sandbox-only): a user token
 * as tenant-hub's approuter would receive it after login; `tenant` is a tenant id or a subdomain.
 */
function sandboxUserToken(authority: XsuaaAuthority, req: SimRequest): SimResponse {
  const body = jsonBody(req)
  if (!isUserTokenBody(body)) {
    throw XsuaaErrors.invalidRequest('Expected JSON {"tenant": string, "userName": string, "scopes": string[], "expiresInSeconds"?: number, "origin"?: string}')
  }
  const zone = authority.zones.get(body.tenant) ?? authority.zones.findBySubdomain(body.tenant)
  if (!zone) throw XsuaaErrors.notFound(`No zone with tenant id or subdomain '${body.tenant}'`)
  try {
    const { tenant: _tenant, ...request } = body
    return tokenResponse(authority.issueUserToken({ ...request, tenantId: zone.tenantId }))
  } catch (err) {
    if (err instanceof InvalidTokenRequestError) throw XsuaaErrors.invalidRequest(err.message)
    throw err
  }
}

interface UserTokenBody {
  tenant: string
  userName: string
  scopes: string[]
  expiresInSeconds?: number
  origin?: string
}

function isUserTokenBody(body: unknown): body is UserTokenBody {
  if (typeof body !== 'object' || body === null) return false
  const b = body as Record<string, unknown>
  return (
    typeof b.tenant === 'string' &&
    typeof b.userName === 'string' &&
    Array.isArray(b.scopes) &&
    b.scopes.every(scope => typeof scope === 'string') &&
    (b.expiresInSeconds === undefined || Number.isInteger(b.expiresInSeconds)) &&
    (b.origin === undefined || typeof b.origin === 'string') &&
    Object.keys(b).every(k => ['tenant', 'userName', 'scopes', 'expiresInSeconds', 'origin'].includes(k))
  )
}

/** The token response body XSUAA sends (`scope` space-separated). */
function tokenResponse(token: IssuedToken): SimResponse {
  const scope = token.claims.scope as string[]
  return {
    status: 200,
    headers: NO_STORE,
    body: { access_token: token.accessToken, token_type: 'bearer', expires_in: token.expiresIn, scope: scope.join(' '), jti: token.claims.jti }
  }
}
