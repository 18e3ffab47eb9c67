/**
 * `POST /oauth/token` of the global accounts' XSUAA: the client-credentials grant with the client authenticated
 * by a Basic header or by `client_id`/`client_secret` in the form body (the destination service uses either).
 */
import { timingSafeEqual } from 'node:crypto'
import { formBody, Router, type SimRequest } from '../../kernel/index.js'
import type { AccessTokens, CisClientRegistration } from '../access-tokens.js'
import { OAUTH_HEADERS, uaaErrors } from '../uaa-errors.js'

export interface TokenRouterDeps {
  clients: readonly CisClientRegistration[]
  tokens: AccessTokens
}

export function createTokenRouter({ clients, tokens }: TokenRouterDeps): Router {
  return new Router().post('/oauth/token', req => {
    const form = formBody(req)
    const presented = presentedCredentials(req, form)
    const client = presented && clients.find(candidate => candidate.clientId === presented.clientId)
    // UAA authenticates the client before it looks at the grant.
    if (!client || !sameSecret(client.clientSecret, presented.clientSecret)) throw uaaErrors.badCredentials()
    const grantType = form.get('grant_type')
    if (!grantType) throw uaaErrors.missingGrantType()
    if (grantType !== 'client_credentials') throw uaaErrors.unsupportedGrantType(grantType)
    return { status: 200, headers: OAUTH_HEADERS, body: tokens.issue(client, `${req.baseUrl}/oauth/token`) }
  })
}

interface PresentedCredentials {
  clientId: string
  clientSecret: string
}

function presentedCredentials(req: SimRequest, form: URLSearchParams): PresentedCredentials | undefined {
  const basic = /^basic\s+(.+)$/i.exec(req.headers.authorization?.trim() ?? '')
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0) return undefined
    return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) }
  }
  const clientId = form.get('client_id')
  return clientId ? { clientId, clientSecret: form.get('client_secret') ?? '' } : undefined
}

function sameSecret(expected: string, presented: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(presented)
  return a.length === b.length && timingSafeEqual(a, b)
}
