import { createSecurityContext, errors, XsuaaService, type XsuaaSecurityContext } from '@sap/xssec'
import { DEMO_TENANTS, PROVIDER, XSAPPNAME } from '../../sandbox/identities.js'
import { decodeJwt } from '../../sandbox/kernel/index.js'
import { resetSandboxes, startSandboxes, type Sandboxes } from './helpers/destination-sandbox.js'

const [acme, globex] = DEMO_TENANTS
let sandboxes: Sandboxes

beforeAll(async () => {
  sandboxes = await startSandboxes()
})
afterAll(() => sandboxes.close())
beforeEach(() => resetSandboxes(sandboxes))

/** A fresh service per test, so that xssec's JWKS and token caches start empty. */
const tenantHubService = () => new XsuaaService(sandboxes.xsuaa.bindingCredentials())

async function securityContext(jwt: string): Promise<XsuaaSecurityContext> {
  return (await createSecurityContext(tenantHubService(), { jwt })) as XsuaaSecurityContext
}

function tamper(jwt: string, change: (claims: Record<string, unknown>) => void): string {
  const [header, payload, signature] = jwt.split('.')
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
  change(claims)
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`
}

/** POST /oauth/token as @sap/cds-mtxs sends it: Basic auth and `client_id` in the form, `?response_type=token`. */
async function postTokenRequest(clientId: string, clientSecret: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${sandboxes.xsuaa.url}/oauth/token?response_type=token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
      ...headers
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId })
  })
  return { status: response.status, body: await response.json() }
}

describe('XSUAA simulator with @sap/xssec 4', () => {
  test('a user token of a subscriber zone is validated by tenant-hub binding, with its scopes, zone and subdomain', async () => {
    const jwt = sandboxes.xsuaa.issueUserToken({ tenantId: acme.tenantId, userName: 'alice@example.com', scopes: ['Viewer'] })

    const ctx = await securityContext(jwt)

    expect({
      viewer: ctx.checkLocalScope('Viewer'),
      admin: ctx.checkLocalScope('Admin'),
      zone: ctx.getZoneId(),
      subdomain: ctx.getSubdomain(),
      logonName: ctx.getLogonName(),
      grantType: ctx.token.grantType
    }).toEqual({ viewer: true, admin: false, zone: acme.tenantId, subdomain: acme.subdomain, logonName: 'alice@example.com', grantType: 'authorization_code' })
    expect(ctx.token.scopes).toContain(`${XSAPPNAME}.Viewer`)
  })

  test('a token whose claims were changed after signing is rejected', async () => {
    const jwt = sandboxes.xsuaa.issueUserToken({ tenantId: acme.tenantId, userName: 'alice', scopes: ['Viewer'] })
    const promoted = tamper(jwt, claims => {
      claims.scope = ['openid', `${XSAPPNAME}.Viewer`, `${XSAPPNAME}.Admin`]
    })

    await expect(securityContext(promoted)).rejects.toBeInstanceOf(errors.InvalidTokenSignatureError)
  })

  test('an expired token is rejected (beyond xssec 60 s leeway)', async () => {
    const jwt = sandboxes.xsuaa.issueUserToken({ tenantId: acme.tenantId, userName: 'alice', scopes: ['Viewer'], expiresInSeconds: -120 })

    await expect(securityContext(jwt)).rejects.toBeInstanceOf(errors.ExpiredTokenError)
  })

  test('a token of a zone the XSUAA no longer knows fails the online JWKS check', async () => {
    const jwt = sandboxes.xsuaa.issueUserToken({ tenantId: 'c0ffee00-0000-4000-8000-000000000001', subdomain: 'newco', userName: 'bob', scopes: [] })
    sandboxes.xsuaa.reset()

    await expect(securityContext(jwt)).rejects.toBeInstanceOf(errors.WrongAudienceError)
    expect(sandboxes.ctx.counter.count('xsuaa', 'GET /token_keys')).toBe(1)
  })

  test('a client-credentials token fetched with x-zid names that zone, and without it the provider zone', async () => {
    const destinationClient = new XsuaaService(sandboxes.xsuaa.credentialsFor('destination'))

    const subscriber = decodeJwt((await destinationClient.fetchClientCredentialsToken({ zid: globex.tenantId })).access_token)
    const provider = decodeJwt((await destinationClient.fetchClientCredentialsToken()).access_token)

    expect(subscriber).toMatchObject({
      zid: globex.tenantId,
      ext_attr: { enhancer: 'XSUAA', zdn: globex.subdomain },
      grant_type: 'client_credentials',
      cid: sandboxes.xsuaa.client('destination').clientId
    })
    expect(provider).toMatchObject({ zid: PROVIDER.tenantId, ext_attr: { zdn: PROVIDER.subdomain } })
    expect(sandboxes.xsuaa.snapshot().grants.map(g => [g.zoneId, g.zoneSelector])).toEqual([
      [globex.tenantId, 'x-zid'],
      [PROVIDER.tenantId, 'provider']
    ])
  })

  test('the saas-registry client token carries tenant-hub mtcallback authority and passes tenant-hub validation', async () => {
    const saas = new XsuaaService(sandboxes.xsuaa.saasRegistryBindingCredentials('http://127.0.0.1:1'))
    const { access_token } = await saas.fetchClientCredentialsToken()

    const ctx = await securityContext(access_token)

    expect(ctx.checkLocalScope('mtcallback')).toBe(true)
    expect(ctx.getZoneId()).toBe(PROVIDER.tenantId)
  })

  test('the token endpoint answers like XSUAA: bearer, expires_in 43199, space-separated scope, no-store', async () => {
    const { clientid, clientsecret } = sandboxes.xsuaa.credentialsFor('saas-registry')

    const { status, body } = await postTokenRequest(clientid, clientsecret)

    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 43199,
      scope: `uaa.resource ${XSAPPNAME}.mtcallback`,
      jti: expect.stringMatching(/^[0-9a-f]{32}$/)
    })
    expect(decodeJwt(body.access_token)).toMatchObject({ aud: expect.arrayContaining([XSAPPNAME, clientid]), iss: expect.stringContaining(`${PROVIDER.subdomain}.localhost`) })
    expect(status).toBe(200)
  })

  test('a wrong client secret gets 401 Bad credentials', async () => {
    const { status, body } = await postTokenRequest(sandboxes.xsuaa.bindingCredentials().clientid, 'not-the-secret')

    expect(body).toEqual({ error: 'unauthorized', error_description: 'Bad credentials' })
    expect(status).toBe(401)
  })

  test('an x-zid of an unknown zone gets 401', async () => {
    const { clientid, clientsecret } = sandboxes.xsuaa.bindingCredentials()

    const { status, body } = await postTokenRequest(clientid, clientsecret, { 'x-zid': 'no-such-zone' })

    expect(body.error).toBe('unauthorized')
    expect(status).toBe(401)
  })

  test('POST /sandbox/user-token issues a user token by subdomain that xssec accepts', async () => {
    const response = await fetch(`${sandboxes.xsuaa.url}/sandbox/user-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: globex.subdomain, userName: 'carol', scopes: ['Admin', 'Viewer'] })
    })
    const body = await response.json()

    const ctx = await securityContext(body.access_token)

    expect([ctx.getZoneId(), ctx.checkLocalScope('Admin'), ctx.getLogonName()]).toEqual([globex.tenantId, true, 'carol'])
    expect(response.status).toBe(200)
  })
})
