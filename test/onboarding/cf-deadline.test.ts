import { newTenant, onboardingApp } from './helpers/onboarding-app.js'

process.env.CDS_CONFIG = JSON.stringify({
  requires: { 'tenant-routes': { requestTimeoutMs: 300, baseBackoffMs: 50, maxBackoffMs: 200, deadlineMs: 1500 } }
})

const onboarding = onboardingApp()
const { app, routesOf } = onboarding
const registry = () => app.sandbox.saas.registry

describe('CF unavailable for longer than the deadline', () => {
  test('fails the subscription with a message naming the CF call and the deadline; no route, no tenant', async () => {
    app.sandbox.faults.add({ simulator: 'cf', status: 503, ratio: 1 })
    const tenant = newTenant('down')

    const started = Date.now()
    const result = await registry().subscribe(tenant)
    expect(result.error).toMatch(/its route could not be created: CF API .+ did not succeed within 1500 ms \(\d+ attempts\); last failure: .*503/)
    expect(result).toMatchObject({ state: 'SUBSCRIBE_FAILED', httpStatus: 504 })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(routesOf(tenant.tenantId)).toEqual([])
    expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(404)
  })

  test('a CF API that does not answer at all fails the same way', async () => {
    app.sandbox.faults.add({ simulator: 'cf', delayMs: 1000, ratio: 1 })
    const tenant = newTenant('silent')

    const result = await registry().subscribe(tenant)
    expect(result.error).toMatch(/did not succeed within 1500 ms .*last failure: .*did not answer/)
    expect(result.httpStatus).toBe(504)
    expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(404)
  })

  test('a route created before CF stopped mapping it is removed again', async () => {
    app.sandbox.faults.add({ simulator: 'cf', endpoint: 'POST /v3/routes/:guid/destinations', status: 502, ratio: 1 })
    const tenant = newTenant('half')

    const result = await registry().subscribe(tenant)
    expect(result.error).toMatch(/map route did not succeed within 1500 ms/)
    expect(result.state).toBe('SUBSCRIBE_FAILED')
    expect(app.sandbox.counter.count('cf', 'POST /v3/routes')).toBe(1)
    expect(routesOf(tenant.tenantId)).toEqual([])
    expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(404)
  })

  test('fails the unsubscription with a clear message and keeps the tenant, so that saas-registry can retry', async () => {
    const tenant = newTenant('stuck')
    await registry().subscribe(tenant)
    app.sandbox.faults.add({ simulator: 'cf', status: 500, ratio: 1 })

    const result = await registry().unsubscribe({ tenant: tenant.tenantId })
    expect(result.error).toMatch(/Unsubscription of tenant .+ failed: its routes could not be removed: CF API find routes did not succeed within 1500 ms/)
    expect(result).toMatchObject({ state: 'UNSUBSCRIBE_FAILED', httpStatus: 504 })
    expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(200)

    app.sandbox.faults.clear()
    expect(await registry().unsubscribe({ tenant: tenant.tenantId })).toMatchObject({ state: 'NOT_SUBSCRIBED' })
    expect(routesOf(tenant.tenantId)).toEqual([])
  })
})
