/**
 * Test factory for the CIS simulator: starts it on real sockets with its own counters and faults, fetches tokens
 * through its token endpoint, and reads answers as status, headers and parsed body.
 */
import { CallCounter, FaultInjector, type SimulatorContext } from '../../../sandbox/kernel/index.js'
import { startCisSandbox, type CisCredentials, type CisSandbox, type CisSandboxConfig } from '../../../sandbox/cis/index.js'

export interface WireAnswer<T> {
  status: number
  headers: Headers
  /** The parsed JSON body; `undefined` for an empty body. */
  body: T
}

export interface CisTestSandbox {
  cis: CisSandbox
  ctx: SimulatorContext
  credentialsOf(globalAccountGuid: string): CisCredentials
  /** A fresh access token of the global account's CIS client. */
  tokenFor(globalAccountGuid: string): Promise<string>
  /** GET on the accounts service (`path` includes the query). */
  accounts<T>(path: string, token: string | undefined): Promise<WireAnswer<T>>
  /** GET on the entitlements service. */
  entitlements<T>(path: string, token: string | undefined): Promise<WireAnswer<T>>
}

export async function startCisTestSandbox(config: Partial<CisSandboxConfig> = {}): Promise<CisTestSandbox> {
  const ctx: SimulatorContext = { counter: new CallCounter(), faults: new FaultInjector() }
  const cis = await startCisSandbox(ctx, config)
  const credentialsOf = (globalAccountGuid: string) => {
    const credentials = cis.credentials.find(candidate => candidate.globalAccountGuid === globalAccountGuid)
    if (!credentials) throw new Error(`no CIS credentials for global account ${globalAccountGuid}`)
    return credentials
  }
  return {
    cis,
    ctx,
    credentialsOf,
    async tokenFor(globalAccountGuid) {
      const answer = await requestToken(credentialsOf(globalAccountGuid))
      if (answer.status !== 200) throw new Error(`token request failed with ${answer.status}`)
      return answer.body.access_token
    },
    accounts: (path, token) => getJson(`${cis.accounts.url}${path}`, token),
    entitlements: (path, token) => getJson(`${cis.entitlements.url}${path}`, token)
  }
}

export interface TokenRequest {
  /** Where the client authenticates: Basic header (default) or `client_id`/`client_secret` form fields. */
  clientAuthentication?: 'basic' | 'form'
  clientSecret?: string
  grantType?: string
}

export interface TokenAnswer {
  access_token: string
  token_type: string
  expires_in: number
  scope: string
  jti: string
  error?: string
  error_description?: string
}

export async function requestToken(credentials: CisCredentials, request: TokenRequest = {}): Promise<WireAnswer<TokenAnswer>> {
  const secret = request.clientSecret ?? credentials.clientSecret
  const form = new URLSearchParams({ grant_type: request.grantType ?? 'client_credentials' })
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }
  if (request.clientAuthentication === 'form') {
    form.set('client_id', credentials.clientId)
    form.set('client_secret', secret)
  } else {
    headers.authorization = `Basic ${Buffer.from(`${credentials.clientId}:${secret}`).toString('base64')}`
  }
  const response = await fetch(credentials.tokenUrl, { method: 'POST', headers, body: form.toString() })
  return answerOf(response)
}

export async function getJson<T>(url: string, token: string | undefined): Promise<WireAnswer<T>> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  return answerOf(response)
}

async function answerOf<T>(response: Response): Promise<WireAnswer<T>> {
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T }
}
