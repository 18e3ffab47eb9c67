import { hostOf, newTenant, onboardingApp, SANDBOX } from './helpers/onboarding-app.js'

const onboarding = onboardingApp({ cf: { jobDurationMs: 300 } })
const { app, routesOf, routesWithHost } = onboarding
const registry = () => app.sandbox.saas.registry

describe('unsubscribing removes the tenant and its route', () => {
  test("deletes the route and waits for CF's delete job before it answers", async () => {
    const tenant = newTenant('leaving')
    await registry().subscribe(tenant)
    const [route] = routesOf(tenant.tenantId)

    const result = await registry().unsubscribe({ tenant: tenant.tenantId })
    expect(result).toMatchObject({ state: 'NOT_SUBSCRIBED', httpStatus: 204 })
    // The sandbox's job takes 300 ms to remove the route: it is gone now only if the job was awaited.
    expect(app.sandbox.cf.store.route(route.guid)).toBeUndefined()
    expect(app.sandbox.cf.snapshot().jobs).toEqual([expect.objectContaining({ routeGuid: route.guid, state: 'COMPLETE' })])
    expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(404)
  })

  test('unsubscribing twice succeeds both times', async () => {
    const tenant = newTenant('twice')
    await registry().subscribe(tenant)

    expect(await registry().unsubscribe({ tenant: tenant.tenantId })).toMatchObject({ state: 'NOT_SUBSCRIBED', httpStatus: 204 })
    expect(await registry().unsubscribe({ tenant: tenant.tenantId })).toMatchObject({ state: 'NOT_SUBSCRIBED', httpStatus: 204 })
    expect(routesOf(tenant.tenantId)).toEqual([])
  })

  test('a tenant whose route was deleted behind tenant-hub’s back unsubscribes successfully', async () => {
    const tenant = newTenant('routeless')
    await registry().subscribe(tenant)
    for (const route of routesOf(tenant.tenantId)) app.sandbox.cf.store.deleteRoute(route.guid)

    const result = await registry().unsubscribe({ tenant: tenant.tenantId })
    expect(result).toMatchObject({ state: 'NOT_SUBSCRIBED', httpStatus: 204 })
    expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(404)
  })

  test('a tenant that was never subscribed unsubscribes successfully', async () => {
    const result = await registry().unsubscribe({ tenant: newTenant('stranger').tenantId })
    expect(result).toMatchObject({ state: 'NOT_SUBSCRIBED', httpStatus: 204, error: undefined })
  })

  test('only the routes of that tenant go; another tenant and unlabelled routes stay', async () => {
    const [leaving, staying] = [newTenant('leaving'), newTenant('staying')]
    await registry().subscribe(leaving)
    await registry().subscribe(staying)
    const foreignHost = `${hostOf(leaving.subdomain)}-manual`
    app.sandbox.cf.store.createRoute({ host: foreignHost, spaceGuid: SANDBOX.spaceGuid, domainGuid: SANDBOX.domainGuid })

    await registry().unsubscribe({ tenant: leaving.tenantId })
    expect(routesOf(leaving.tenantId)).toEqual([])
    expect(routesOf(staying.tenantId)).toHaveLength(1)
    expect(routesWithHost(foreignHost)).toHaveLength(1)
  })

  test('the tenant can subscribe again afterwards and gets a new route', async () => {
    const tenant = newTenant('returning')
    await registry().subscribe(tenant)
    const [first] = routesOf(tenant.tenantId)
    await registry().unsubscribe({ tenant: tenant.tenantId })

    const result = await registry().subscribe(tenant)
    expect(result.state).toBe('SUBSCRIBED')
    expect(routesOf(tenant.tenantId)).toEqual([expect.objectContaining({ host: first.host, guid: expect.not.stringMatching(first.guid) })])
  })
})

