import { newTenant, onboardingApp } from './helpers/onboarding-app.js'

// Short attempts and backoffs, so that timeouts and retries take milliseconds; the deadline stays generous.
process.env.CDS_CONFIG = JSON.stringify({
  requires: { 'tenant-routes': { requestTimeoutMs: 500, baseBackoffMs: 10, maxBackoffMs: 50, deadlineMs: 20_000 } }
})

const onboarding = onboardingApp()
const { app, routesOf } = onboarding
const faults = () => app.sandbox.faults
const cfCalls = (endpoint: string) => app.sandbox.counter.count('cf', endpoint)

/** Subscribes a new tenant through saas-registry and expects it to end with its one mapped route. */
async function subscribeSuccessfully() {
  const tenant = newTenant('retry')
  const result = await app.sandbox.saas.registry.subscribe(tenant)
  expect(result.error).toBeUndefined()
  expect(result.state).toBe('SUBSCRIBED')
  expect(routesOf(tenant.tenantId)).toEqual([expect.objectContaining({ appGuids: [expect.any(String)] })])
  return tenant
}

describe('CF answers worth another try are retried, and the subscription succeeds', () => {
  test('a 429 is retried after the Retry-After CF asked for', async () => {
    faults().add({ simulator: 'cf', endpoint: 'POST /v3/routes', status: 429, retryAfter: 1 })
    const started = Date.now()
    await subscribeSuccessfully()
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect(cfCalls('POST /v3/routes')).toBe(2)
  })

  test('500 and 503 answers are retried', async () => {
    faults().add({ simulator: 'cf', endpoint: 'POST /v3/routes', status: 500, times: 2 })
    faults().add({ simulator: 'cf', endpoint: 'POST /v3/routes/:guid/destinations', status: 503 })
    await subscribeSuccessfully()
    expect(cfCalls('POST /v3/routes')).toBe(3)
    expect(cfCalls('POST /v3/routes/:guid/destinations')).toBe(2)
  })

  test('a connection reset is retried', async () => {
    faults().add({ simulator: 'cf', endpoint: 'POST /v3/routes', reset: true })
    faults().add({ simulator: 'cf', endpoint: 'GET /v3/apps', reset: true })
    await subscribeSuccessfully()
    expect(cfCalls('POST /v3/routes')).toBe(2)
    expect(cfCalls('GET /v3/apps')).toBe(2)
  })

  test('a 2xx answer with a broken body is retried', async () => {
    faults().add({ simulator: 'cf', endpoint: 'GET /v3/domains', malformed: true })
    await subscribeSuccessfully()
    expect(cfCalls('GET /v3/domains')).toBe(2)
  })

  test('a request that times out is retried', async () => {
    faults().add({ simulator: 'cf', endpoint: 'POST /v3/routes/:guid/destinations', delayMs: 800 })
    await subscribeSuccessfully()
    expect(cfCalls('POST /v3/routes/:guid/destinations')).toBe(2)
  })

  test('a create that timed out but was carried out by CF is recognised as the tenant’s route on retry', async () => {
    // The first POST is answered after the client gave up (500 ms) but creates the route at 700 ms; the retry
    // reaches CF after that and gets 422 "Route already exists", which must resolve to the route just created.
    faults().add({ simulator: 'cf', endpoint: 'POST /v3/routes', delayMs: 700 })
    faults().add({ simulator: 'cf', endpoint: 'POST /v3/routes', delayMs: 300 })
    const tenant = await subscribeSuccessfully()
    expect(cfCalls('POST /v3/routes')).toBe(2)
    expect(routesOf(tenant.tenantId)).toHaveLength(1)
  })
})

test('a CF refusal (403) is not retried and fails the subscription at once', async () => {
  faults().add({ simulator: 'cf', endpoint: 'POST /v3/routes', status: 403, times: 5 })
  const tenant = newTenant('refused')
  const result = await app.sandbox.saas.registry.subscribe(tenant)
  expect(result.error).toMatch(/create route failed with 403 CF-NotAuthorized .*Make the technical user of destination "CFAPI" a Space Developer/)
  expect(result).toMatchObject({ state: 'SUBSCRIBE_FAILED', httpStatus: 502 })
  expect(cfCalls('POST /v3/routes')).toBe(1)
})

test('unsubscribing retries the delete and the job poll', async () => {
  const tenant = await subscribeSuccessfully()
  faults().add({ simulator: 'cf', endpoint: 'DELETE /v3/routes/:guid', status: 502 })
  faults().add({ simulator: 'cf', endpoint: 'GET /v3/jobs/:guid', reset: true })

  const result = await app.sandbox.saas.registry.unsubscribe({ tenant: tenant.tenantId })
  expect(result.state).toBe('NOT_SUBSCRIBED')
  expect(routesOf(tenant.tenantId)).toEqual([])
  expect(cfCalls('DELETE /v3/routes/:guid')).toBe(2)
  expect(cfCalls('GET /v3/jobs/:guid')).toBeGreaterThanOrEqual(2)
})
