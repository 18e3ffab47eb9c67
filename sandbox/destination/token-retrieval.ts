import type { AuthToken, DestinationProperties } from './destination-types.js'

export interface TokenRetrievalOptions {
  timeoutMs: number
}

const BODY_PREFIX = 'tokenService.body.'

/**
 * The `authTokens` the find-destination API adds (server-side token retrieval), or `undefined` for destinations
 * without any (`NoAuthentication`). A failed retrieval is not an HTTP error: it is an entry with `error` set.
 */
export async function retrieveAuthTokens(destination: DestinationProperties, options: TokenRetrievalOptions): Promise<AuthToken[] | undefined> {
  switch (destination.Authentication) {
    case undefined:
    case 'NoAuthentication':
      return undefined
    case 'BasicAuthentication': {
      const value = Buffer.from(`${destination.User ?? ''}:${destination.Password ?? ''}`).toString('base64')
      return [{ type: 'Basic', value, http_header: { key: 'Authorization', value: `Basic ${value}` } }]
    }
    case 'OAuth2Password':
      return [await oauthGrant(destination, 'password', options)]
    case 'OAuth2ClientCredentials':
      return [await oauthGrant(destination, 'client_credentials', options)]
    default:
      return [failed(`Authentication type '${destination.Authentication}' is not supported by the sandbox destination service`)]
  }
}

/**
 * POSTs the grant to `tokenServiceURL`: client credentials in the form unless
 * `tokenService.addClientCredentialsInBody` is `false` (then Basic), plus every `tokenService.body.<param>`.
 */
async function oauthGrant(destination: DestinationProperties, grantType: 'password' | 'client_credentials', options: TokenRetrievalOptions): Promise<AuthToken> {
  const url = destination.tokenServiceURL
  if (!url) return failed('Retrieval of OAuthToken failed due to: the destination has no tokenServiceURL')
  const secrets = [destination.Password, destination.clientSecret].filter((s): s is string => !!s)

  const form = new URLSearchParams({ grant_type: grantType })
  if (grantType === 'password') {
    form.set('username', destination.User ?? '')
    form.set('password', destination.Password ?? '')
  }
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }
  if (destination['tokenService.addClientCredentialsInBody'] === 'false') {
    headers.authorization = `Basic ${Buffer.from(`${destination.clientId ?? ''}:${destination.clientSecret ?? ''}`).toString('base64')}`
  } else {
    form.set('client_id', destination.clientId ?? '')
    if (destination.clientSecret !== undefined) form.set('client_secret', destination.clientSecret)
  }
  for (const [property, value] of Object.entries(destination)) {
    if (property.startsWith(BODY_PREFIX)) form.set(property.slice(BODY_PREFIX.length), value)
  }

  let response: Response
  try {
    response = await fetch(url, { method: 'POST', headers, body: form, signal: AbortSignal.timeout(options.timeoutMs) })
  } catch (err) {
    return failed(tokenServiceFailure(networkReason(err)), secrets)
  }
  const text = await response.text()
  const body = parseJson(text)
  if (!response.ok) return failed(tokenServiceFailure(`${response.status} ${oauthReason(body) ?? truncate(text)}`), secrets)
  if (typeof body?.access_token !== 'string') return failed(tokenServiceFailure(`${response.status} a body without access_token`), secrets)
  return bearerToken(body)
}

function bearerToken(body: Record<string, unknown>): AuthToken {
  const value = body.access_token as string
  const token: AuthToken = {
    type: typeof body.token_type === 'string' ? body.token_type : 'bearer',
    value,
    http_header: { key: 'Authorization', value: `Bearer ${value}` }
  }
  if (body.expires_in !== undefined) token.expires_in = String(body.expires_in)
  if (typeof body.scope === 'string') token.scope = body.scope
  if (typeof body.refresh_token === 'string') token.refresh_token = body.refresh_token
  return token
}

/** Wording as seen from the real service; the exact text is not verified. */
function tokenServiceFailure(reason: string): string {
  return `Retrieval of OAuthToken failed due to: Unable to fetch access token from the specified token service URL. Response was: ${reason}`
}

/** A failed entry; the destination's own secrets are cut out of the reason whatever the token service echoed. */
function failed(reason: string, secrets: string[] = []): AuthToken {
  const error = secrets.reduce((text, secret) => text.split(secret).join('***'), reason)
  return { type: '', value: '', error }
}

function oauthReason(body: Record<string, unknown> | undefined): string | undefined {
  const reason = body?.error_description ?? body?.error
  return typeof reason === 'string' ? reason : undefined
}

function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? (err as Error).message
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text)
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function truncate(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}
