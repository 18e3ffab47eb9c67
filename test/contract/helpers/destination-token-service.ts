import { randomUUID } from 'node:crypto'
import { CallCounter, FaultInjector, formBody, Router, SimHttpError, startSimServer, type SimResponse } from '../../../sandbox/kernel/index.js'

/** What one token request carried, as the token service saw it. */
export interface RecordedTokenRequest {
  form: Record<string, string>
  authorization?: string
}

export interface FakeTokenService {
  /** The `tokenServiceURL` to put into destinations. */
  tokenUrl: string
  readonly requests: RecordedTokenRequest[]
  /** The access tokens it issued, newest last. */
  readonly issued: string[]
  /** Answer the next request with this error instead. */
  failNext(status: number, body: object): void
  clear(): void
  close(): Promise<void>
}

export interface FakeTokenServiceOptions {
  /** username → password accepted by the password grant. */
  users: Record<string, string>
  /** client id → secret (`''` = a public client such as CF's `cf`). */
  clients: Record<string, string>
}

function oauthError(status: number, error: string, description: string): SimResponse {
  return { status, body: { error, error_description: description } }
}

/**
 * A minimal OAuth token endpoint standing in for a destination's token service (CF UAA, the CIS UAA): it
 * records every request and answers like UAA (`Bad credentials`, `expires_in` 1199, a `-r` refresh token).
 */
export async function startFakeTokenService(options: FakeTokenServiceOptions): Promise<FakeTokenService> {
  const requests: RecordedTokenRequest[] = []
  const issued: string[] = []
  let nextFailure: SimResponse | undefined

  const router = new Router().post('/oauth/token', req => {
    const form = Object.fromEntries(formBody(req))
    requests.push({ form, authorization: req.headers.authorization })
    if (nextFailure) {
      const failure = nextFailure
      nextFailure = undefined
      throw new SimHttpError(failure)
    }
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    const [clientId, clientSecret] = basic ? Buffer.from(basic, 'base64').toString().split(':') : [form.client_id, form.client_secret ?? '']
    if (options.clients[clientId] === undefined || options.clients[clientId] !== clientSecret) {
      throw new SimHttpError(oauthError(401, 'unauthorized', 'Bad credentials'))
    }
    if (form.grant_type === 'password' && options.users[form.username] !== form.password) {
      throw new SimHttpError(oauthError(401, 'unauthorized', 'Bad credentials'))
    }
    const accessToken = `fake-access-${randomUUID()}`
    issued.push(accessToken)
    return {
      status: 200,
      headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
      body: { access_token: accessToken, token_type: 'bearer', expires_in: 1199, scope: 'cloud_controller.read cloud_controller.write', refresh_token: `${randomUUID()}-r` }
    }
  })
  const server = await startSimServer({
    name: 'fake-token-service',
    router,
    counter: new CallCounter(),
    faults: new FaultInjector(),
    renderError: status => oauthError(status, 'invalid_request', `HTTP ${status}`)
  })

  return {
    tokenUrl: `${server.url}/oauth/token`,
    requests,
    issued,
    failNext: (status, body) => {
      nextFailure = { status, body }
    },
    clear: () => {
      requests.length = 0
      issued.length = 0
      nextFailure = undefined
    },
    close: () => server.close()
  }
}
