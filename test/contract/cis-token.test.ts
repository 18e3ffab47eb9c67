/**
 * The global accounts' XSUAA token endpoint, bearer checks of the CIS services, and isolation between global accounts.
 */
import { decodeJwt } from '../../sandbox/kernel/index.js'
import { PROVIDER } from '../../sandbox/identities.js'
import {
  PROVIDER_SEED,
  SUBSCRIBER_GLOBAL_ACCOUNT,
  SUBSCRIBER_SEED,
  type AssignmentsResponse,
  type CisErrorBody,
  type GlobalAccountResponse,
  type SubaccountsResponse
} from '../../sandbox/cis/index.js'
import { requestToken, startCisTestSandbox, type CisTestSandbox } from './helpers/cis-sandbox.js'

let sandbox: CisTestSandbox

beforeAll(async () => {
  sandbox = await startCisTestSandbox()
})

afterAll(() => sandbox.cis.close())

const providerCredentials = () => sandbox.credentialsOf(PROVIDER.globalAccountGuid)

describe('POST /oauth/token', () => {
  it('issues a client-credentials token to a client authenticated with Basic', async () => {
    const { status, headers, body } = await requestToken(providerCredentials())
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 43199,
      scope: expect.stringContaining('cis-central!b14.global-account.read'),
      jti: expect.any(String)
    })
    expect(body.scope.split(' ')).toContain('cis-central!b14.global-account.subaccount.read')
    expect(headers.get('cache-control')).toBe('no-store')
    expect(status).toBe(200)
  })

  it('accepts client_id and client_secret in the form body', async () => {
    const { status, body } = await requestToken(providerCredentials(), { clientAuthentication: 'form' })
    expect(body.token_type).toBe('bearer')
    expect(status).toBe(200)
  })

  it('names the global account in the token like the global account zone does', async () => {
    const credentials = providerCredentials()
    const { body } = await requestToken(credentials)
    expect(decodeJwt(body.access_token)).toMatchObject({
      zid: PROVIDER.globalAccountGuid,
      ext_attr: { enhancer: 'XSUAA', globalaccountid: PROVIDER.globalAccountGuid, zdn: PROVIDER_SEED.globalAccount.subdomain },
      client_id: credentials.clientId,
      grant_type: 'client_credentials',
      iss: credentials.tokenUrl
    })
  })

  it('refuses a wrong secret with 401 Bad credentials', async () => {
    const { status, headers, body } = await requestToken(providerCredentials(), { clientSecret: 'wrong' })
    expect(body).toEqual({ error: 'unauthorized', error_description: 'Bad credentials' })
    expect(headers.get('www-authenticate')).toContain('Basic')
    expect(status).toBe(401)
  })

  it('refuses a wrong secret sent in the form body', async () => {
    const { status, body } = await requestToken(providerCredentials(), { clientAuthentication: 'form', clientSecret: 'wrong' })
    expect(body.error).toBe('unauthorized')
    expect(status).toBe(401)
  })

  it('refuses an unknown client', async () => {
    const credentials = { ...providerCredentials(), clientId: 'sb-unknown!b1|cis-central!b14' }
    const { status, body } = await requestToken(credentials)
    expect(body.error).toBe('unauthorized')
    expect(status).toBe(401)
  })

  it('refuses grants other than client credentials', async () => {
    const { status, body } = await requestToken(providerCredentials(), { grantType: 'password' })
    expect(body).toEqual({ error: 'unsupported_grant_type', error_description: 'Unsupported grant type: password' })
    expect(status).toBe(400)
  })

  it('counts token calls under cis-uaa and service calls under cis', async () => {
    const before = sandbox.ctx.counter.count('cis-uaa', 'POST /oauth/token')
    const token = await sandbox.tokenFor(PROVIDER.globalAccountGuid)
    await sandbox.accounts('/accounts/v1/globalAccount', token)
    expect(sandbox.ctx.counter.count('cis-uaa', 'POST /oauth/token')).toBe(before + 1)
    expect(sandbox.ctx.counter.count('cis', 'GET /accounts/v1/globalAccount')).toBeGreaterThanOrEqual(1)
  })
})

describe('bearer tokens on the accounts and entitlements services', () => {
  it('answers 401 without a token, with the service headers and no body', async () => {
    for (const answer of [
      await sandbox.accounts<undefined>('/accounts/v1/subaccounts', undefined),
      await sandbox.entitlements<undefined>('/entitlements/v1/assignments', undefined)
    ]) {
      expect(answer.body).toBeUndefined()
      expect(answer.headers.get('x-correlationid')).toBeTruthy()
      expect(answer.status).toBe(401)
    }
  })

  it('answers 401 for a token signed by another issuer', async () => {
    const other = await startCisTestSandbox()
    try {
      const foreign = await other.tokenFor(PROVIDER.globalAccountGuid)
      expect((await sandbox.accounts('/accounts/v1/globalAccount', foreign)).status).toBe(401)
      expect((await sandbox.accounts('/accounts/v1/globalAccount', 'not-a-jwt')).status).toBe(401)
    } finally {
      await other.cis.close()
    }
  })

  it('answers 401 once the token has expired', async () => {
    // `exp` is whole seconds after `iat` (rounded down): valid for more than 1 s, expired after at most 2 s.
    const shortLived = await startCisTestSandbox({ tokenValiditySeconds: 2 })
    try {
      const token = await shortLived.tokenFor(PROVIDER.globalAccountGuid)
      expect((await shortLived.accounts('/accounts/v1/globalAccount', token)).status).toBe(200)
      await new Promise(resolve => setTimeout(resolve, 2100))
      expect((await shortLived.accounts('/accounts/v1/globalAccount', token)).status).toBe(401)
    } finally {
      await shortLived.cis.close()
    }
  })
})

describe('global accounts are isolated by token', () => {
  let tokenB: string
  beforeAll(async () => {
    tokenB = await sandbox.tokenFor(SUBSCRIBER_GLOBAL_ACCOUNT.guid)
  })

  it('serves the subscriber token its own global account', async () => {
    const { body } = await sandbox.accounts<GlobalAccountResponse>('/accounts/v1/globalAccount?expand=true', tokenB)
    expect(body).toMatchObject({ guid: SUBSCRIBER_GLOBAL_ACCOUNT.guid, subdomain: SUBSCRIBER_GLOBAL_ACCOUNT.subdomain })
  })

  it('lists only the subscriber global account subaccounts', async () => {
    const { body } = await sandbox.accounts<SubaccountsResponse>('/accounts/v1/subaccounts', tokenB)
    expect(body.value.map(subaccount => subaccount.guid).sort()).toEqual(Object.values(SUBSCRIBER_SEED.subaccounts).sort())
    expect(body.value.every(subaccount => subaccount.globalAccountGUID === SUBSCRIBER_GLOBAL_ACCOUNT.guid)).toBe(true)
  })

  it("does not find the provider global account's subaccounts and directories", async () => {
    const subaccount = await sandbox.accounts<CisErrorBody>(`/accounts/v1/subaccounts/${PROVIDER.tenantId}`, tokenB)
    const directory = await sandbox.accounts<CisErrorBody>(`/accounts/v1/directories/${PROVIDER_SEED.directories.production}`, tokenB)
    const filtered = await sandbox.accounts<CisErrorBody>(`/accounts/v1/subaccounts?directoryGUID=${PROVIDER_SEED.directories.dach}`, tokenB)
    expect(subaccount.body.error.code).toBe(20004)
    expect([subaccount.status, directory.status, filtered.status]).toEqual([404, 404, 404])
  })

  it("keeps the provider global account's entitlements away from the subscriber", async () => {
    const { body } = await sandbox.entitlements<AssignmentsResponse>('/entitlements/v1/assignments?includeAutoManagedPlans=true', tokenB)
    const ids = body.assignedServices.flatMap(service => service.servicePlans.flatMap(plan => plan.assignmentInfo.map(info => info.entityId)))
    expect(new Set(ids)).toEqual(new Set(Object.values(SUBSCRIBER_SEED.subaccounts)))
    const foreign = await sandbox.entitlements<CisErrorBody>(`/entitlements/v1/assignments?subaccountGUID=${PROVIDER.tenantId}`, tokenB)
    expect(foreign.status).toBe(404)
  })

  it("does not show the subscriber's subaccounts to the provider token", async () => {
    const token = await sandbox.tokenFor(PROVIDER.globalAccountGuid)
    const { body } = await sandbox.accounts<SubaccountsResponse>('/accounts/v1/subaccounts', token)
    const guids = new Set(body.value.map(subaccount => subaccount.guid))
    for (const guid of Object.values(SUBSCRIBER_SEED.subaccounts)) expect(guids.has(guid)).toBe(false)
  })
})

describe('credentials and snapshot', () => {
  it('gives every global account its own client and the service URLs of a service key', () => {
    const { credentials } = sandbox.cis
    expect(credentials.map(entry => entry.globalAccountGuid)).toEqual([PROVIDER.globalAccountGuid, SUBSCRIBER_GLOBAL_ACCOUNT.guid])
    expect(new Set(credentials.map(entry => entry.clientId)).size).toBe(2)
    for (const entry of credentials) {
      expect(entry).toMatchObject({
        tokenUrl: `${sandbox.cis.uaa.url}/oauth/token`,
        accountsUrl: sandbox.cis.accounts.url,
        entitlementsUrl: sandbox.cis.entitlements.url
      })
    }
  })

  it('summarises the global accounts without secrets', () => {
    const snapshot = sandbox.cis.snapshot()
    const serialized = JSON.stringify(snapshot)
    for (const entry of sandbox.cis.credentials) expect(serialized).not.toContain(entry.clientSecret)
    expect(snapshot.globalAccounts).toEqual([
      expect.objectContaining({ guid: PROVIDER.globalAccountGuid, subaccounts: Object.keys(PROVIDER_SEED.subaccounts).length }),
      expect.objectContaining({ guid: SUBSCRIBER_GLOBAL_ACCOUNT.guid, subaccounts: 3, directories: 1 })
    ])
  })
})
