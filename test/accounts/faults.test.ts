/**
 * When CIS or the CIS destination fails: the right status (404, 503 with Retry-After, 502), the last good data
 * served where there is some, the sync status saying why, and no upstream internals in any answer.
 */
import { accountsApp, PROVIDER, TEST_ACCOUNT_DATA, type TestTenant } from './helpers/accounts-app.js'

const accounts = accountsApp()
const faults = () => accounts.app.sandbox.faults
const GA = PROVIDER.globalAccountGuid
const FIVE_MINUTES = 5 * 60_000
const RATE_LIMIT_SECONDS = TEST_ACCOUNT_DATA.rateLimitBackoffMs! / 1000

/** A subscriber whose replica was synced once and is stale now, with the time of that sync. */
async function subscriberWithStaleReplica(): Promise<TestTenant & { lastSyncedAt: string }> {
  const tenant = await accounts.newSubscriber('stale')
  expect((await accounts.read(tenant.tenantId, 'Subaccounts')).status).toBe(200)
  return { ...tenant, lastSyncedAt: await accounts.ageReplica(tenant.tenantId, FIVE_MINUTES + 1_000) }
}

describe('with nothing synced yet, a read fails with the status of the CIS failure', () => {
  test('CIS 429 → 503 with Retry-After, and no new attempt before then', async () => {
    const tenant = await accounts.newSubscriber('rate-limited')
    faults().add({ simulator: 'cis', status: 429, times: 10 })

    const res = await accounts.read(tenant.tenantId, 'Subaccounts')
    expect(res.data.error).toMatchObject({ code: 'CIS_RATE_LIMITED', message: expect.stringContaining(`${RATE_LIMIT_SECONDS} seconds`) })
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(RATE_LIMIT_SECONDS)
    expect(res.status).toBe(503)

    const calls = accounts.cisCalls()
    const again = await accounts.read(tenant.tenantId, 'Directories')
    expect(again.data.error).toMatchObject({ code: 'CIS_RATE_LIMITED' })
    expect(again.status).toBe(503)
    expect(accounts.cisCalls()).toBe(calls)
  })

  test('CIS 500 → 502, after one retry', async () => {
    const tenant = await accounts.newSubscriber('failing')
    faults().add({ simulator: 'cis', status: 500, times: 10 })
    const res = await accounts.read(tenant.tenantId, 'Subaccounts')
    expect(res.data.error).toMatchObject({ code: 'CIS_FAILED', message: expect.stringContaining('(500)') })
    expect(res.status).toBe(502)
    expect(accounts.cisCalls('GET /accounts/v1/subaccounts/:subaccountGUID')).toBe(TEST_ACCOUNT_DATA.requestAttempts)
  })

  test('a 5xx that a retry gets past is no failure', async () => {
    const tenant = await accounts.newSubscriber('flaky')
    faults().add({ simulator: 'cis', endpoint: 'GET /accounts/v1/subaccounts/:subaccountGUID', status: 503, times: 1 })
    const res = await accounts.read(tenant.tenantId, 'Subaccounts')
    expect(res.data.value).toMatchObject([{ guid: tenant.tenantId }])
    expect(res.status).toBe(200)
  })

  test('no answer within the request timeout → 502', async () => {
    const tenant = await accounts.newSubscriber('slow')
    faults().add({ simulator: 'cis', delayMs: TEST_ACCOUNT_DATA.requestTimeoutMs! + 500, times: 10 })
    const res = await accounts.read(tenant.tenantId, 'Subaccounts')
    expect(res.data.error).toMatchObject({ code: 'CIS_UNREACHABLE', message: expect.stringContaining('"CIS"') })
    expect(res.status).toBe(502)
  })

  test('a reset connection → 502', async () => {
    const tenant = await accounts.newSubscriber('reset')
    faults().add({ simulator: 'cis', reset: true, times: 10 })
    const res = await accounts.read(tenant.tenantId, 'Subaccounts')
    expect(res.data.error).toMatchObject({ code: 'CIS_UNREACHABLE' })
    expect(res.status).toBe(502)
  })

  test('a truncated body → 502', async () => {
    const tenant = await accounts.newSubscriber('malformed')
    faults().add({ simulator: 'cis', malformed: true, times: 10 })
    const res = await accounts.read(tenant.tenantId, 'Subaccounts')
    expect(res.data.error).toMatchObject({ code: 'CIS_MALFORMED_RESPONSE' })
    expect(res.status).toBe(502)
  })

  test('CIS refusing the token → 502 that points at the credentials', async () => {
    const tenant = await accounts.newSubscriber('unauthorized')
    faults().add({ simulator: 'cis', status: 403, times: 10 })
    const res = await accounts.read(tenant.tenantId, 'Subaccounts')
    expect(res.data.error).toMatchObject({ code: 'CIS_UNAUTHORIZED', message: expect.stringContaining('central-viewer') })
    expect(res.status).toBe(502)
  })

  test('each request of a $batch gets the failure', async () => {
    const tenant = await accounts.newSubscriber('batch')
    faults().add({ simulator: 'cis', status: 500, times: 10 })
    const res = await accounts.batch(tenant.tenantId, ['Subaccounts', 'Directories', `Subaccounts('${tenant.tenantId}')/labels`])
    expect(res.data.responses).toMatchObject([
      { status: 502, body: { error: { code: 'CIS_FAILED' } } },
      { status: 502, body: { error: { code: 'CIS_FAILED' } } },
      { status: 502, body: { error: { code: 'CIS_FAILED' } } }
    ])
  })

  test('the sync status reports the failure instead of failing', async () => {
    const tenant = await accounts.newSubscriber('status')
    faults().add({ simulator: 'cis', status: 429, times: 10 })
    const res = await accounts.read(tenant.tenantId, 'SyncStatus')
    expect(res.data).toMatchObject({
      lastSyncedAt: null,
      lastErrorCode: 'CIS_RATE_LIMITED',
      lastErrorStatus: 503,
      lastError: expect.stringContaining('limiting the request rate'),
      retryAfter: expect.any(String)
    })
    expect(Date.parse(res.data.retryAfter)).toBeGreaterThan(Date.now())
    expect(res.status).toBe(200)
  })
})

describe('with a replica synced before, reads serve it while CIS fails', () => {
  test('the last good data, a warning saying since when and why, and the sync status set', async () => {
    const tenant = await subscriberWithStaleReplica()
    faults().add({ simulator: 'cis', status: 502, times: 10 })

    const res = await accounts.read(tenant.tenantId, 'Subaccounts')
    expect(res.data.value).toMatchObject([{ guid: tenant.tenantId }])
    expect(JSON.parse(res.headers['sap-messages'])).toMatchObject([
      { code: 'ACCOUNT_DATA_STALE', message: expect.stringContaining(tenant.lastSyncedAt), numericSeverity: 3 }
    ])
    expect(res.status).toBe(200)

    const status = await accounts.read(tenant.tenantId, 'SyncStatus')
    expect(status.data).toMatchObject({ lastSyncedAt: tenant.lastSyncedAt, lastErrorCode: 'CIS_FAILED', lastErrorStatus: 502, source_code: 'provider' })
  })

  test('on a 429 as well, and refresh answers 503 with Retry-After meanwhile', async () => {
    const tenant = await subscriberWithStaleReplica()
    faults().add({ simulator: 'cis', status: 429, times: 10 })

    const read = await accounts.read(tenant.tenantId, `Subaccounts('${tenant.tenantId}')`)
    expect(read.data).toMatchObject({ guid: tenant.tenantId })
    expect(read.status).toBe(200)

    const refresh = await accounts.refresh(tenant.tenantId)
    expect(refresh.data.error).toMatchObject({ code: 'CIS_RATE_LIMITED' })
    expect(Number(refresh.headers['retry-after'])).toBeGreaterThan(0)
    expect(refresh.status).toBe(503)
  })

  test('once CIS recovers, refresh syncs and clears the error', async () => {
    const tenant = await subscriberWithStaleReplica()
    faults().add({ simulator: 'cis', status: 500, times: 10 })
    expect((await accounts.read(tenant.tenantId, 'SyncStatus')).data).toMatchObject({ lastErrorCode: 'CIS_FAILED' })

    faults().clear()
    const refreshed = await accounts.refresh(tenant.tenantId)
    expect(refreshed.data).toMatchObject({ lastError: null, lastErrorCode: null, lastErrorStatus: null, retryAfter: null })
    expect(refreshed.status).toBe(200)
    const read = await accounts.read(tenant.tenantId, 'Subaccounts')
    expect(read.headers['sap-messages']).toBeUndefined()
  })
})

describe('a tenant whose subaccount CIS does not know', () => {
  test('reads an empty replica with a warning; refresh answers 404', async () => {
    const tenant = await accounts.newSubscriberUnknownToCis()
    const read = await accounts.read(tenant.tenantId, 'Subaccounts')
    expect(read.data.value).toEqual([])
    expect(JSON.parse(read.headers['sap-messages'])).toMatchObject([{ code: 'ACCOUNT_DATA_MISSING', message: expect.stringContaining(tenant.tenantId) }])
    expect(read.status).toBe(200)

    const refresh = await accounts.refresh(tenant.tenantId)
    expect(refresh.data.error).toMatchObject({ code: 'ACCOUNT_DATA_NOT_FOUND', message: expect.stringContaining(tenant.tenantId) })
    expect(refresh.status).toBe(404)
    expect((await accounts.read(tenant.tenantId, 'SyncStatus')).data).toMatchObject({ lastErrorCode: 'ACCOUNT_DATA_NOT_FOUND', lastErrorStatus: 404 })
  })
})

describe('the CIS destination', () => {
  test('missing everywhere: 503 naming it, with Retry-After', async () => {
    const tenant = await accounts.newSubscriber('no-destination')
    accounts.app.sandbox.deleteDestination({ tenant: PROVIDER.tenantId, name: 'CIS' })
    await accounts.app.forgetAppCaches()

    const res = await accounts.read(tenant.tenantId, 'Subaccounts')
    expect(res.data.error).toMatchObject({ code: 'CIS_DESTINATION_NOT_FOUND', message: expect.stringMatching(/^Destination "CIS" was not found/) })
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
    expect(res.status).toBe(503)
    expect(accounts.cisCalls()).toBe(0)
  })

  test('without a usable token: 502 naming it', async () => {
    const tenant = await accounts.newSubscriber('bad-token')
    const provider = accounts.app.sandbox.cis.credentials.find(c => c.globalAccountGuid === GA)!
    accounts.app.sandbox.putDestination({
      tenant: PROVIDER.tenantId,
      destination: { Name: 'CIS', Type: 'HTTP', URL: provider.accountsUrl, Authentication: 'OAuth2ClientCredentials', ProxyType: 'Internet',
        clientId: provider.clientId, clientSecret: 'not-the-secret', tokenServiceURL: provider.tokenUrl, entitlementsServiceURL: provider.entitlementsUrl }
    })
    await accounts.app.forgetAppCaches()

    const res = await accounts.read(tenant.tenantId, 'Subaccounts')
    expect(res.data.error).toMatchObject({ code: 'CIS_DESTINATION_TOKEN_FAILED', message: expect.stringContaining('Destination "CIS"') })
    expect(res.status).toBe(502)
  })
})

describe('no upstream internals reach the caller', () => {
  const SECRET = 'internal-upstream-detail-7f3a'

  test('neither in error bodies, nor in warnings, nor in the sync status', async () => {
    const tenant = await subscriberWithStaleReplica()
    const fresh = await accounts.newSubscriber('internals')
    const upstream = { error: { code: 10000, message: `db pool exhausted ${SECRET}`, correlationID: SECRET } }
    faults().add({ simulator: 'cis', status: 500, body: upstream, times: 20 })

    const failed = await accounts.read(fresh.tenantId, 'Subaccounts')
    const stale = await accounts.read(tenant.tenantId, 'Subaccounts')
    const status = await accounts.read(tenant.tenantId, 'SyncStatus')
    const { cis } = accounts.app.sandbox.endpoints()
    for (const answer of [JSON.stringify(failed.data), stale.headers['sap-messages'], JSON.stringify(status.data)]) {
      expect(answer).not.toContain(SECRET)
      expect(answer).not.toContain(new URL(cis).host)
      expect(answer).not.toMatch(/stack|at \w+ \(/)
    }
    expect(failed.status).toBe(502)
  })

  test('in production, the error body keeps its code and safe message', async () => {
    const tenant = await accounts.newSubscriber('production')
    faults().add({ simulator: 'cis', status: 500, body: { error: { code: 10000, message: SECRET } }, times: 10 })
    const nodeEnv = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      const res = await accounts.read(tenant.tenantId, 'Subaccounts')
      expect(res.data.error).toEqual({ code: 'CIS_FAILED', message: 'The Cloud Management Service failed (500). The account data could not be synced.', '@Common.numericSeverity': 4 })
      expect(res.status).toBe(502)
    } finally {
      process.env.NODE_ENV = nodeEnv
    }
  })
})
