import { alwaysProvider, buildHeadersForDestination, getDestination, type HttpDestination } from '@sap-cloud-sdk/connectivity'
import { executeHttpRequest } from '@sap-cloud-sdk/http-client'
import { CF_LANDSCAPE, DEMO_TENANTS, PROVIDER } from '../../sandbox/identities.js'
import type { DestinationProperties } from '../../sandbox/destination/index.js'
import { bindServices, clearSdkCaches, resetSandboxes, startSandboxes, type Sandboxes } from './helpers/destination-sandbox.js'
import { startFakeTokenService, type FakeTokenService } from './helpers/destination-token-service.js'

const [acme, globex] = DEMO_TENANTS
const { username, password, origin } = CF_LANDSCAPE.technicalUser
const FIND = 'GET /destination-configuration/v1/destinations/:name'

let sandboxes: Sandboxes
let tokenService: FakeTokenService
let unbind: () => void

beforeAll(async () => {
  sandboxes = await startSandboxes()
  tokenService = await startFakeTokenService({ users: { [username]: password }, clients: { cf: '', 'cis-client': 'cis-secret' } })
  unbind = bindServices(sandboxes)
})
afterAll(async () => {
  unbind()
  await tokenService.close()
  await sandboxes.close()
})
beforeEach(async () => {
  resetSandboxes(sandboxes)
  tokenService.clear()
  await clearSdkCaches()
})

/** The Cloud Controller destination of WIRE-REFERENCE §C.3: OAuth2Password against CF UAA with client `cf`. */
function cfApiDestination(overrides: Partial<DestinationProperties> = {}): DestinationProperties {
  return {
    Name: 'CFAPI',
    Type: 'HTTP',
    URL: 'https://api.cf.sandbox.localhost',
    ProxyType: 'Internet',
    Authentication: 'OAuth2Password',
    clientId: 'cf',
    clientSecret: '',
    User: username,
    Password: password,
    tokenServiceURL: tokenService.tokenUrl,
    'tokenService.body.login_hint': JSON.stringify({ origin }),
    ...overrides
  }
}

function cisDestination(url: string, overrides: Partial<DestinationProperties> = {}): DestinationProperties {
  return {
    Name: 'CIS',
    Type: 'HTTP',
    URL: url,
    ProxyType: 'Internet',
    Authentication: 'OAuth2ClientCredentials',
    clientId: 'cis-client',
    clientSecret: 'cis-secret',
    tokenServiceURL: tokenService.tokenUrl,
    ...overrides
  }
}

const lookups = () => sandboxes.destination.snapshot().lookups.map(({ subaccountId, skipTokenRetrieval, foundOn }) => ({ subaccountId, skipTokenRetrieval, foundOn }))

/** Every message, stack and property along an error's cause chain, as one string. */
function errorChainText(err: unknown): string {
  const parts: string[] = []
  for (let e = err as { cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    parts.push(String((e as Error).stack), JSON.stringify(e))
  }
  return parts.join('\n')
}

describe('Destination simulator with @sap-cloud-sdk/connectivity 4.9', () => {
  test('an OAuth2Password destination of the provider resolves with the token its token service issued', async () => {
    const { destination } = sandboxes
    destination.store.put(destination.subaccountLevel(), cfApiDestination())

    const resolved = (await getDestination({ destinationName: 'CFAPI', selectionStrategy: alwaysProvider })) as HttpDestination

    expect(await buildHeadersForDestination(resolved)).toEqual({ authorization: `Bearer ${tokenService.issued[0]}` })
    expect(resolved.url).toBe('https://api.cf.sandbox.localhost')
    expect(lookups()).toEqual([
      { subaccountId: PROVIDER.tenantId, skipTokenRetrieval: true, foundOn: 'subaccount' },
      { subaccountId: PROVIDER.tenantId, skipTokenRetrieval: false, foundOn: 'subaccount' }
    ])
    expect(sandboxes.ctx.counter.count('destination', FIND)).toBe(2)
  })

  test('the password grant carries tokenService.body.login_hint and client cf with an empty secret in the form', async () => {
    const { destination } = sandboxes
    destination.store.put(destination.subaccountLevel(), cfApiDestination())

    await getDestination({ destinationName: 'CFAPI', selectionStrategy: alwaysProvider })

    expect(tokenService.requests).toEqual([
      {
        form: { grant_type: 'password', username, password, client_id: 'cf', client_secret: '', login_hint: `{"origin":"${origin}"}` },
        authorization: undefined
      }
    ])
  })

  test('with tokenService.addClientCredentialsInBody false the client authenticates with Basic', async () => {
    const { destination } = sandboxes
    destination.store.put(destination.subaccountLevel(), cisDestination('https://accounts.sandbox.localhost', { 'tokenService.addClientCredentialsInBody': 'false' }))

    const resolved = (await getDestination({ destinationName: 'CIS', selectionStrategy: alwaysProvider })) as HttpDestination

    expect(resolved.authTokens?.[0]).toMatchObject({ value: tokenService.issued[0], expiresIn: '1199', error: null })
    expect(tokenService.requests).toEqual([{ form: { grant_type: 'client_credentials' }, authorization: `Basic ${Buffer.from('cis-client:cis-secret').toString('base64')}` }])
  })

  test('a wrong password surfaces the token service reason, and the password nowhere in the error chain', async () => {
    const { destination } = sandboxes
    destination.store.put(destination.subaccountLevel(), cfApiDestination({ Password: 'wrong-password-4711' }))

    const failure = await executeHttpRequest({ destinationName: 'CFAPI', selectionStrategy: alwaysProvider }, { method: 'get', url: '/v3' }).then(
      () => undefined,
      (err: unknown) => err
    )

    expect(errorChainText(failure)).toMatch(/failed in all cases[\s\S]*Response was: 401 Bad credentials/)
    expect(errorChainText(failure)).not.toContain('wrong-password-4711')
    expect((failure as Error).message).toBe('Failed to build headers.')
  })

  test('a token service that echoes the secret in its error does not leak it into authTokens', async () => {
    const { destination } = sandboxes
    destination.store.put(destination.subaccountLevel(), cisDestination('https://accounts.sandbox.localhost'))
    tokenService.failNext(400, { error: 'invalid_client', error_description: 'client cis-client with secret cis-secret is locked' })

    const resolved = (await getDestination({ destinationName: 'CIS', selectionStrategy: alwaysProvider })) as HttpDestination

    expect(resolved.authTokens?.[0].error).toBe(
      'Retrieval of OAuthToken failed due to: Unable to fetch access token from the specified token service URL. Response was: 400 client cis-client with secret *** is locked'
    )
  })

  test('a destination nobody defined resolves to null after a single lookup', async () => {
    const resolved = await getDestination({ destinationName: 'NOPE', selectionStrategy: alwaysProvider })

    expect(resolved).toBeNull()
    expect(lookups()).toEqual([{ subaccountId: PROVIDER.tenantId, skipTokenRetrieval: true, foundOn: null }])
  })

  test('subscriber-first with a subscriber user token finds the subscriber own destination', async () => {
    const { destination, xsuaa } = sandboxes
    destination.store.put(destination.subaccountLevel(), cisDestination('https://provider-cis.sandbox.localhost'))
    destination.store.put(destination.subaccountLevel(acme.tenantId), cisDestination('https://acme-cis.sandbox.localhost'))
    const jwt = xsuaa.issueUserToken({ tenantId: acme.tenantId, userName: 'alice', scopes: ['Viewer'] })

    const resolved = await getDestination({ destinationName: 'CIS', jwt })

    expect(resolved?.url).toBe('https://acme-cis.sandbox.localhost')
    expect(lookups()).toEqual([
      { subaccountId: acme.tenantId, skipTokenRetrieval: true, foundOn: 'subaccount' },
      { subaccountId: acme.tenantId, skipTokenRetrieval: false, foundOn: 'subaccount' }
    ])
    expect(xsuaa.snapshot().grants).toContainEqual(
      expect.objectContaining({ clientId: xsuaa.client('destination').clientId, zoneId: acme.tenantId, zoneSelector: 'x-zid' })
    )
  })

  test('subscriber-first falls back to the provider destination when the subscriber has none', async () => {
    const { destination, xsuaa } = sandboxes
    destination.store.put(destination.subaccountLevel(), cisDestination('https://provider-cis.sandbox.localhost'))
    const jwt = xsuaa.issueUserToken({ tenantId: globex.tenantId, userName: 'carol', scopes: ['Viewer'] })

    const resolved = await getDestination({ destinationName: 'CIS', jwt })

    expect(resolved?.url).toBe('https://provider-cis.sandbox.localhost')
    expect(lookups()).toEqual([
      { subaccountId: globex.tenantId, skipTokenRetrieval: true, foundOn: null },
      { subaccountId: PROVIDER.tenantId, skipTokenRetrieval: true, foundOn: 'subaccount' },
      { subaccountId: PROVIDER.tenantId, skipTokenRetrieval: false, foundOn: 'subaccount' }
    ])
  })

  test('an instance-level destination wins over the subaccount-level one', async () => {
    const { destination } = sandboxes
    destination.store.put(destination.subaccountLevel(), cisDestination('https://subaccount-cis.sandbox.localhost'))
    destination.store.put(destination.instanceLevel(), cisDestination('https://instance-cis.sandbox.localhost'))

    const resolved = await getDestination({ destinationName: 'CIS', selectionStrategy: alwaysProvider })

    expect(resolved?.url).toBe('https://instance-cis.sandbox.localhost')
    expect(lookups().map(l => l.foundOn)).toEqual(['instance', 'instance'])
  })

  test('a cached provider destination is served without new lookups until the cache is cleared', async () => {
    const { destination } = sandboxes
    destination.store.put(destination.subaccountLevel(), cfApiDestination())

    await getDestination({ destinationName: 'CFAPI', selectionStrategy: alwaysProvider })
    await getDestination({ destinationName: 'CFAPI', selectionStrategy: alwaysProvider })
    expect(sandboxes.ctx.counter.count('destination', FIND)).toBe(2)

    await clearSdkCaches()
    await getDestination({ destinationName: 'CFAPI', selectionStrategy: alwaysProvider })
    expect(sandboxes.ctx.counter.count('destination', FIND)).toBe(4)
    expect(tokenService.requests).toHaveLength(2)
  })
})
