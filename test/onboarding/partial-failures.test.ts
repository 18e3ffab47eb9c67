import cds from '@sap/cds'
import { newTenant, onboardingApp, subscriptionPayload, type TestTenant } from './helpers/onboarding-app.js'

const onboarding = onboardingApp()
const { app, routesOf } = onboarding
const registry = () => app.sandbox.saas.registry

/**
 * The database deployment of these tenants fails, as a HANA deployment can (quota, HDI errors). The sandbox's
 * SQLite never fails, so this DeploymentService handler stands in front of the SQLite plugin's `deploy`.
 */
const failingDeployments = new Set<string>()
cds.on('served', () => {
  const ds = cds.services['cds.xt.DeploymentService']!
  ds.prepend(() =>
    ds.on('deploy', (req, next) => {
      const { tenant } = req.data as { tenant: string }
      if (failingDeployments.has(tenant)) throw cds.error(`HDI deployment of tenant ${tenant} failed: insufficient quota`, { status: 500 })
      return next()
    })
  )
})
afterEach(() => failingDeployments.clear())

const update = (tenant: TestTenant) =>
  app.test.PUT(`/-/cds/saas-provisioning/tenant/${tenant.tenantId}`, subscriptionPayload(tenant, 'UPDATE'), onboarding.asSaasRegistry())

describe('the route fails after the tenant database was deployed', () => {
  /** A subscribed tenant whose route was deleted behind tenant-hub's back, and a CF that refuses the next create. */
  async function subscribedTenantLosingItsRoute() {
    const tenant = newTenant('lost-route')
    await registry().subscribe(tenant)
    for (const route of routesOf(tenant.tenantId)) app.sandbox.cf.store.deleteRoute(route.guid)
    app.sandbox.faults.add({ simulator: 'cf', endpoint: 'POST /v3/routes', status: 422, body: { errors: [{ code: 10008, title: 'CF-UnprocessableEntity', detail: "Routes quota exceeded for space 'dev'." }] } })
    return tenant
  }

  test('the subscription UPDATE fails with a message that says why, and a retry succeeds', async () => {
    const tenant = await subscribedTenantLosingItsRoute()

    const failed = await update(tenant)
    expect(failed.data.error.message).toMatch(/its route could not be created: .*Routes quota exceeded for space 'dev'/)
    expect(failed.status).toBe(502)
    expect(routesOf(tenant.tenantId)).toEqual([])

    const retried = await update(tenant)
    expect(retried.data).toBe(`https://${tenant.subdomain}-tenant-hub.cfapps.sandbox.localhost`)
    expect(retried.status).toBe(200)
    expect(routesOf(tenant.tenantId)).toHaveLength(1)
  })

  test('an unsubscribe after the failed subscription leaves neither route nor tenant', async () => {
    const tenant = await subscribedTenantLosingItsRoute()
    expect((await update(tenant)).status).toBe(502)

    const result = await registry().unsubscribe({ tenant: tenant.tenantId })
    expect(result).toMatchObject({ state: 'NOT_SUBSCRIBED', httpStatus: 204 })
    expect(routesOf(tenant.tenantId)).toEqual([])
    expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(404)
  })
})

describe('the database deployment fails after the route was created', () => {
  test('the route is removed again and the subscription fails with the deployment error', async () => {
    const tenant = newTenant('db-fails')
    failingDeployments.add(tenant.tenantId)

    const result = await registry().subscribe(tenant)
    expect(result.error).toContain('insufficient quota')
    expect(result).toMatchObject({ state: 'SUBSCRIBE_FAILED', httpStatus: 500 })
    expect(app.sandbox.counter.count('cf', 'POST /v3/routes')).toBe(1)
    expect(routesOf(tenant.tenantId)).toEqual([])
    expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(404)
  })

  test('asynchronously: FAILED with the deployment error, and the route removed again', async () => {
    const tenant = newTenant('db-fails-async')
    failingDeployments.add(tenant.tenantId)

    const result = await registry().subscribe({ ...tenant, async: true })
    expect(result.error).toMatch(/Tenant creation failed with error '.*insufficient quota'/)
    expect(result.state).toBe('SUBSCRIBE_FAILED')
    expect(routesOf(tenant.tenantId)).toEqual([])
    expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(404)
  })

  test('a retry once the database can be deployed succeeds, and an unsubscribe after the failure leaves nothing', async () => {
    const tenant = newTenant('db-recovers')
    failingDeployments.add(tenant.tenantId)
    await registry().subscribe(tenant)
    expect(await registry().unsubscribe({ tenant: tenant.tenantId })).toMatchObject({ state: 'NOT_SUBSCRIBED' })
    expect(routesOf(tenant.tenantId)).toEqual([])

    failingDeployments.delete(tenant.tenantId)
    expect(await registry().subscribe(tenant)).toMatchObject({ state: 'SUBSCRIBED' })
    expect(routesOf(tenant.tenantId)).toHaveLength(1)
  })

  test('a failed UPDATE keeps the route the subscribed tenant already had', async () => {
    const tenant = newTenant('db-fails-update')
    await registry().subscribe(tenant)
    const [route] = routesOf(tenant.tenantId)
    failingDeployments.add(tenant.tenantId)

    const res = await update(tenant)
    expect(res.data.error.message).toContain('insufficient quota')
    expect(res.status).toBe(500)
    expect(routesOf(tenant.tenantId)).toEqual([route])
    expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(200)
  })
})
