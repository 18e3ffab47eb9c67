import { createPublicKey, verify } from 'node:crypto'
import { AUDITOR_USER, NO_ROLE_USER } from '../../sandbox/cf/index.js'
import { CF_LANDSCAPE } from '../../sandbox/identities.js'
import { decodeJwt } from '../../sandbox/kernel/index.js'
import { startCfTestLandscape, type Answer, type CfTestLandscape } from './helpers/cf-test-sandbox.js'

const TECH = CF_LANDSCAPE.technicalUser
const BASIC_CF = 'Basic Y2Y6'
const platformHint = JSON.stringify({ origin: TECH.origin })

let landscape: CfTestLandscape

beforeAll(async () => {
  landscape = await startCfTestLandscape()
})
afterEach(() => landscape.faults.clear())
afterAll(() => landscape.close())

function token(form: Record<string, string>, options: { authorization?: string | null; query?: string } = {}): Promise<Answer> {
  const authorization = options.authorization === undefined ? BASIC_CF : options.authorization
  return landscape.uaa('POST', `/oauth/token${options.query ?? ''}`, { form, headers: authorization ? { authorization } : {} })
}

function techPasswordGrant(extra: Record<string, string> = {}): Record<string, string> {
  return { grant_type: 'password', username: TECH.username, password: TECH.password, ...extra }
}

function expectOAuthError(answer: Answer, status: number, error: string, description?: string) {
  expect(answer.json).toEqual({ error, error_description: description ?? expect.any(String) })
  expect(answer.headers.get('content-type')).toBe('application/json;charset=UTF-8')
  expect(answer.status).toBe(status)
}

describe('password grant', () => {
  test('client cf with Basic Y2Y6 and a form login_hint gets the BTP token body and a signed CF token', async () => {
    const answer = await token(techPasswordGrant({ login_hint: platformHint }))
    expect(answer.json).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      id_token: expect.any(String),
      refresh_token: expect.stringMatching(/^[\da-f]{32}-r$/),
      expires_in: 1199,
      scope: 'openid uaa.user cloud_controller.read password.write cloud_controller.write',
      jti: expect.stringMatching(/^[\da-f]{32}$/)
    })
    expect(answer.headers.get('cache-control')).toBe('no-store')
    expect(answer.headers.get('pragma')).toBe('no-cache')
    expect(answer.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    expect(answer.status).toBe(200)

    const claims = decodeJwt(answer.json.access_token)!
    expect(claims).toMatchObject({
      jti: answer.json.jti,
      client_id: 'cf',
      cid: 'cf',
      grant_type: 'password',
      client_auth_method: 'none',
      origin: TECH.origin,
      user_name: TECH.username,
      user_id: expect.any(String),
      scope: answer.json.scope.split(' '),
      iss: `${landscape.sandbox.uaa.url}/oauth/token`,
      zid: 'uaa',
      aud: expect.arrayContaining(['cloud_controller', 'cf'])
    })
    expect((claims.exp as number) - (claims.iat as number)).toBe(1199)

    const { keys } = (await landscape.uaa('GET', '/token_keys')).json
    const [header, payload, signature] = answer.json.access_token.split('.')
    const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))
    const jwk = keys.find((k: { kid: string }) => k.kid === kid)
    const signed = verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(signature, 'base64url'))
    expect(signed).toBe(true)

    expect((await landscape.cf('GET', '/v3/routes', { token: answer.json.access_token })).status).toBe(200)
  })

  test('client credentials may come in the form body instead (as the Destination service sends them)', async () => {
    const clients: Array<Record<string, string>> = [{ client_id: 'cf', client_secret: '' }, { client_id: 'cf' }]
    for (const client of clients) {
      const answer = await token(techPasswordGrant({ login_hint: platformHint, ...client }), { authorization: null })
      expect(answer.status).toBe(200)
    }
  })

  test('login_hint may be double-encoded, or sent in the query of the token URL', async () => {
    expect((await token(techPasswordGrant({ login_hint: encodeURIComponent(platformHint) }))).status).toBe(200)
    expect((await token(techPasswordGrant(), { query: `?login_hint=${encodeURIComponent(platformHint)}` })).status).toBe(200)
    expect((await token(techPasswordGrant(), { query: `?login_hint=${encodeURIComponent(encodeURIComponent(platformHint))}` })).status).toBe(200)
  })

  test('without login_hint the default origin uaa is used', async () => {
    expect((await token({ grant_type: 'password', username: AUDITOR_USER.username, password: AUDITOR_USER.password })).status).toBe(200)
    expectOAuthError(await token(techPasswordGrant()), 401, 'unauthorized', 'Bad credentials')
  })

  test('an origin that is not an active identity provider is 401 with UAA text', async () => {
    const message = 'The origin provided in the login_hint does not match an active Identity Provider, that supports password grant.'
    expectOAuthError(await token(techPasswordGrant({ login_hint: JSON.stringify({ origin: 'nowhere' }) })), 401, 'unauthorized', message)
    expectOAuthError(await token(techPasswordGrant({ login_hint: 'sandbox-platform' })), 401, 'unauthorized', message)
  })

  test('a wrong password is 401 Bad credentials and the password is never echoed', async () => {
    const answer = await token(techPasswordGrant({ login_hint: platformHint, password: 'wrong-password-123' }))
    expectOAuthError(answer, 401, 'unauthorized', 'Bad credentials')
    expect(answer.text).not.toContain('wrong-password-123')
    expectOAuthError(
      await token({ grant_type: 'password', username: NO_ROLE_USER.username, password: TECH.password, login_hint: platformHint }),
      401,
      'unauthorized',
      'Bad credentials'
    )
  })
})

describe('client authentication and request errors', () => {
  test('a wrong client secret or client id is 401 with WWW-Authenticate', async () => {
    for (const authorization of [`Basic ${Buffer.from('cf:secret').toString('base64')}`, `Basic ${Buffer.from('other:').toString('base64')}`]) {
      const answer = await token(techPasswordGrant({ login_hint: platformHint }), { authorization })
      expectOAuthError(answer, 401, 'unauthorized', 'Bad credentials')
      expect(answer.headers.get('www-authenticate')).toBe('Basic realm="UAA/client", error="unauthorized", error_description="Bad credentials"')
    }
    const anonymous = await token(techPasswordGrant({ login_hint: platformHint }), { authorization: null })
    expectOAuthError(anonymous, 401, 'unauthorized')
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm="UAA\/client"/)
  })

  test('unsupported grant types and missing parameters are 400', async () => {
    expectOAuthError(await token({ grant_type: 'client_credentials' }), 400, 'unsupported_grant_type', 'Unsupported grant type: client_credentials')
    expectOAuthError(await token({}), 400, 'invalid_request')
    expectOAuthError(await token({ grant_type: 'password', password: 'x' }), 400, 'invalid_request')
    expectOAuthError(await token({ grant_type: 'refresh_token' }), 400, 'invalid_request')
  })

  test('injected faults answer in the OAuth2 envelope', async () => {
    landscape.faults.add({ simulator: 'uaa', endpoint: 'POST /oauth/token', status: 503 })
    expectOAuthError(await token(techPasswordGrant({ login_hint: platformHint })), 503, 'temporarily_unavailable')
  })
})

describe('refresh grant', () => {
  test('a refresh token gives a new access token and comes back unchanged', async () => {
    const login = (await token(techPasswordGrant({ login_hint: platformHint }))).json
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: login.refresh_token })
    expect(refreshed.json.refresh_token).toBe(login.refresh_token)
    expect(refreshed.json.jti).not.toBe(login.jti)
    expect(decodeJwt(refreshed.json.access_token)).toMatchObject({ user_name: TECH.username, origin: TECH.origin, grant_type: 'refresh_token' })
    expect(refreshed.status).toBe(200)
  })

  test('an unknown refresh token is 401 invalid_token', async () => {
    expectOAuthError(await token({ grant_type: 'refresh_token', refresh_token: `${'0'.repeat(32)}-r` }), 401, 'invalid_token')
  })
})
