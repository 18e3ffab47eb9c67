import { startDestinationSandbox, type DestinationProperties } from '../../sandbox/destination/index.js'
import { DEMO_TENANTS, PROVIDER } from '../../sandbox/identities.js'
import { resetSandboxes, startSandboxes, type Sandboxes } from './helpers/destination-sandbox.js'
import { startFakeTokenService, type FakeTokenService } from './helpers/destination-token-service.js'

const [acme] = DEMO_TENANTS
let sandboxes: Sandboxes
let tokenService: FakeTokenService

beforeAll(async () => {
  sandboxes = await startSandboxes()
  tokenService = await startFakeTokenService({ users: {}, clients: { 'cis-client': 'cis-secret' } })
})
afterAll(async () => {
  await tokenService.close()
  await sandboxes.close()
})
beforeEach(() => {
  resetSandboxes(sandboxes)
  tokenService.clear()
})

const destinationToken = (tenantId?: string) => sandboxes.xsuaa.issueClientToken({ role: 'destination', tenantId })

/** `token: null` sends no Authorization header. */
async function get(path: string, token: string | null = destinationToken()) {
  const response = await fetch(`${sandboxes.destination.url}/destination-configuration/v1${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {}
  })
  return { status: response.status, body: await response.json() }
}

function cis(overrides: Partial<DestinationProperties> = {}): DestinationProperties {
  return {
    Name: 'CIS',
    Type: 'HTTP',
    URL: 'https://accounts.sandbox.localhost',
    ProxyType: 'Internet',
    Authentication: 'OAuth2ClientCredentials',
    clientId: 'cis-client',
    clientSecret: 'cis-secret',
    tokenServiceURL: tokenService.tokenUrl,
    ...overrides
  }
}

describe('Destination service find-destination API on the wire', () => {
  test('answers owner, configuration and a bearer authToken with expires_in as a string', async () => {
    const { destination } = sandboxes
    destination.store.put(destination.subaccountLevel(), cis())

    const { status, body } = await get('/destinations/CIS')

    expect(body).toEqual({
      owner: { SubaccountId: PROVIDER.tenantId, InstanceId: null },
      destinationConfiguration: cis(),
      authTokens: [
        {
          type: 'bearer',
          value: tokenService.issued[0],
          http_header: { key: 'Authorization', value: `Bearer ${tokenService.issued[0]}` },
          expires_in: '1199',
          scope: expect.any(String),
          refresh_token: expect.stringMatching(/-r$/)
        }
      ]
    })
    expect(tokenService.requests[0].form).toEqual({ grant_type: 'client_credentials', client_id: 'cis-client', client_secret: 'cis-secret' })
    expect(status).toBe(200)
  })

  test('$skipTokenRetrieval=true answers without authTokens and calls no token service', async () => {
    const { destination } = sandboxes
    destination.store.put(destination.subaccountLevel(), cis())

    const { status, body } = await get('/destinations/CIS?$skipTokenRetrieval=true')

    expect(body).not.toHaveProperty('authTokens')
    expect(tokenService.requests).toHaveLength(0)
    expect(status).toBe(200)
  })

  test('an instance-level hit names the instance as owner', async () => {
    const { destination } = sandboxes
    destination.store.put(destination.instanceLevel(), cis())

    const { body } = await get('/destinations/CIS?$skipTokenRetrieval=true')

    expect(body.owner).toEqual({ SubaccountId: PROVIDER.tenantId, InstanceId: destination.instanceId })
  })

  test('the token zone picks the subaccount: a subscriber does not see provider destinations', async () => {
    const { destination } = sandboxes
    destination.store.put(destination.subaccountLevel(), cis())

    const { status, body } = await get('/destinations/CIS', destinationToken(acme.tenantId))

    expect(body).toEqual({ ErrorMessage: 'Configuration with the specified name was not found' })
    expect(status).toBe(404)
  })

  test('NoAuthentication gets no authTokens, BasicAuthentication a Basic one', async () => {
    const { destination } = sandboxes
    destination.store.put(destination.subaccountLevel(), { Name: 'OPEN', Type: 'HTTP', URL: 'https://open.example', Authentication: 'NoAuthentication' })
    destination.store.put(destination.subaccountLevel(), { Name: 'BASIC', Type: 'HTTP', URL: 'https://basic.example', Authentication: 'BasicAuthentication', User: 'u', Password: 'p' })

    const open = await get('/destinations/OPEN')
    const basic = await get('/destinations/BASIC')

    expect(open.body).not.toHaveProperty('authTokens')
    expect(basic.body.authTokens).toEqual([{ type: 'Basic', value: 'dTpw', http_header: { key: 'Authorization', value: 'Basic dTpw' } }])
  })

  test('an unreachable token service still answers 200, with the reason in authTokens[].error', async () => {
    const { destination } = sandboxes
    const gone = await startFakeTokenService({ users: {}, clients: {} })
    await gone.close()
    destination.store.put(destination.subaccountLevel(), cis({ tokenServiceURL: gone.tokenUrl }))

    const { status, body } = await get('/destinations/CIS')

    expect(body.authTokens).toEqual([{ type: '', value: '', error: expect.stringMatching(/Response was: ECONNREFUSED$/) }])
    expect(status).toBe(200)
  })

  test('a missing token and a token that is not a JWT get 401 with the JWT parse message', async () => {
    const missing = await get('/destinations/CIS', null)
    const garbage = await get('/destinations/CIS', 'not-a-jwt')

    expect([missing.body, garbage.body]).toEqual([
      { ErrorMessage: 'Unable to parse the JWT in Authorization Header.' },
      { ErrorMessage: 'Unable to parse the JWT in Authorization Header.' }
    ])
    expect([missing.status, garbage.status]).toEqual([401, 401])
  })

  test('a valid token of another client (tenant-hub itself) gets 403', async () => {
    const { status, body } = await get('/destinations/CIS', sandboxes.xsuaa.issueClientToken({ role: 'application' }))

    expect(body.ErrorMessage).toEqual(expect.any(String))
    expect(status).toBe(403)
  })

  test('query parameters other than $skipTokenRetrieval are refused', async () => {
    const { status, body } = await get('/destinations/CIS?$skipCredentials=true')

    expect(body.ErrorMessage).toContain('$skipCredentials')
    expect(status).toBe(400)
  })

  test('subaccountDestinations and instanceDestinations list and read the caller own levels', async () => {
    const { destination } = sandboxes
    destination.store.put(destination.subaccountLevel(), cis())
    destination.store.put(destination.instanceLevel(), cis({ Name: 'ON_INSTANCE' }))
    destination.store.put(destination.subaccountLevel(acme.tenantId), cis({ Name: 'ACME_ONLY' }))

    const subaccount = await get('/subaccountDestinations')
    const instance = await get('/instanceDestinations')
    const one = await get('/subaccountDestinations/CIS')
    const foreign = await get('/subaccountDestinations/ACME_ONLY')

    expect(subaccount.body.map((d: DestinationProperties) => d.Name)).toEqual(['CIS'])
    expect(instance.body.map((d: DestinationProperties) => d.Name)).toEqual(['ON_INSTANCE'])
    expect(one.body).toEqual(cis())
    expect(foreign.status).toBe(404)
  })

  test('an injected fault answers in the Destination service envelope', async () => {
    sandboxes.ctx.faults.add({ simulator: 'destination', status: 503 })

    const { status, body } = await get('/destinations/CIS')

    expect(body).toEqual({ ErrorMessage: expect.any(String) })
    expect(status).toBe(503)
  })

  test('reset brings back the seeded destinations and drops the others', async () => {
    const seeded = await startDestinationSandbox(sandboxes.ctx, { xsuaa: sandboxes.xsuaa, seed: [{ destination: cis() }] })
    try {
      seeded.store.delete(seeded.subaccountLevel(), 'CIS')
      seeded.store.put(seeded.subaccountLevel(acme.tenantId), cis({ Name: 'EXTRA' }))

      seeded.reset()

      expect(seeded.snapshot().destinations).toEqual([{ subaccountId: PROVIDER.tenantId, names: ['CIS'] }])
    } finally {
      await seeded.close()
    }
  })
})
