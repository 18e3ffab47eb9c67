import cds from '@sap/cds'
import { randomUUID } from 'node:crypto'
import { hostOf, newTenant, onboardingApp, SANDBOX, subscriptionPayload } from './helpers/onboarding-app.js'

const onboarding = onboardingApp()
const { app, routesOf } = onboarding
const registry = () => app.sandbox.saas.registry
const receivedCallbacks = () => (app.sandbox.saas.snapshot() as { callbacks: Record<string, object> }).callbacks
const callbacks = () => Object.values(receivedCallbacks())

/** The status callback with this id, once tenant-hub has sent it. */
async function callbackOf(id: string, timeoutMs = 10_000): Promise<object> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await new Promise(resolve => setTimeout(resolve, 20))) {
    const callback = receivedCallbacks()[id]
    if (callback) return callback
  }
  throw new Error(`no status callback ${id} within ${timeoutMs} ms`)
}

/**
 * The sandbox runs on SQLite, whose unsubscribe never fails for a tenant without a database. mtxs' HANA plugins fail
 * such a tenant with `cds.error("Tenant '<id>' does not exist", { status: 404 })`; this DeploymentService handler,
 * registered between tenant-hub's hooks and the database plugin's, does the same for the tenants listed here.
 */
const tenantsWithoutDatabase = new Set<string>()
cds.on('served', () => {
  const ds = cds.services['cds.xt.DeploymentService']!
  ds.prepend(() =>
    ds.on('unsubscribe', (req, next) => {
      const { tenant } = req.data as { tenant: string }
      if (tenantsWithoutDatabase.has(tenant)) throw cds.error(`Tenant '${tenant}' does not exist`, { status: 404 })
      return next()
    })
  )
})

describe('asynchronous subscription (saas-registry with STATUS_CALLBACK)', () => {
  test('answers 202, creates the route, and reports SUCCEEDED with the tenant URL', async () => {
    const tenant = newTenant('async')
    const result = await registry().subscribe({ ...tenant, async: true })

    const url = `https://${hostOf(tenant.subdomain)}.${SANDBOX.domain}`
    expect(callbacks()).toEqual([{ status: 'SUCCEEDED', message: 'Tenant creation succeeded', subscriptionUrl: url }])
    expect(result).toMatchObject({ state: 'SUBSCRIBED', url, httpStatus: 202 })
    expect(routesOf(tenant.tenantId)).toEqual([expect.objectContaining({ appGuids: [SANDBOX.approuterGuid] })])
  })

  test('reports FAILED with a message that says why, and leaves neither route nor tenant', async () => {
    const tenant = newTenant('async-taken')
    app.sandbox.cf.store.createRoute({ host: hostOf(tenant.subdomain), spaceGuid: SANDBOX.foreignSpaceGuid, domainGuid: SANDBOX.domainGuid })

    const result = await registry().subscribe({ ...tenant, async: true })
    expect(callbacks()).toEqual([
      {
        status: 'FAILED',
        message: expect.stringContaining(`The host ${hostOf(tenant.subdomain)}.${SANDBOX.domain} is already taken by a route outside tenant-hub’s space`)
      }
    ])
    expect(result).toMatchObject({ state: 'SUBSCRIBE_FAILED', httpStatus: 202 })
    expect(routesOf(tenant.tenantId)).toEqual([])
    expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(404)
  })

  test('reports FAILED naming the CF error when CF refuses the route', async () => {
    const tenant = newTenant('async-refused')
    app.sandbox.faults.add({ simulator: 'cf', endpoint: 'POST /v3/routes', status: 403 })

    const result = await registry().subscribe({ ...tenant, async: true })
    expect(result.error).toMatch(/Tenant creation failed with error 'Subscription of tenant .* failed: its route could not be created: CF API create route failed with 403/)
    expect(result.state).toBe('SUBSCRIBE_FAILED')
    expect(routesOf(tenant.tenantId)).toEqual([])
  })
})

test('an asynchronous subscription UPDATE answers 202 with the URL, calls back SUCCEEDED, and keeps the one route', async () => {
  const tenant = newTenant('async-update')
  await registry().subscribe(tenant)
  const [route] = routesOf(tenant.tenantId)
  const callbackId = randomUUID()

  const res = await app.test.PUT(`/-/cds/saas-provisioning/tenant/${tenant.tenantId}`, subscriptionPayload(tenant, 'UPDATE'), {
    headers: { ...onboarding.asSaasRegistry().headers, status_callback: `/saas-manager/v1/subscription-callback/${callbackId}/result` }
  })
  expect(res.data).toBe(`https://${route.url}`)
  expect(res.status).toBe(202)
  expect(await callbackOf(callbackId)).toEqual({ status: 'SUCCEEDED', message: 'Tenant creation succeeded', subscriptionUrl: `https://${route.url}` })
  expect(routesOf(tenant.tenantId)).toEqual([route])
})

describe('asynchronous unsubscription', () => {
  test('removes the route and the tenant, and reports SUCCEEDED', async () => {
    const tenant = newTenant('async-leaving')
    await registry().subscribe({ ...tenant, async: true })

    const result = await registry().unsubscribe({ tenant: tenant.tenantId, async: true })
    expect(callbacks()).toContainEqual({ status: 'SUCCEEDED', message: 'Tenant deletion succeeded' })
    expect(result).toMatchObject({ state: 'NOT_SUBSCRIBED', httpStatus: 202 })
    expect(routesOf(tenant.tenantId)).toEqual([])
    expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(404)
  })

  test('unsubscribing twice succeeds both times', async () => {
    const tenant = newTenant('async-twice')
    await registry().subscribe(tenant)

    expect(await registry().unsubscribe({ tenant: tenant.tenantId, async: true })).toMatchObject({ state: 'NOT_SUBSCRIBED' })
    expect(await registry().unsubscribe({ tenant: tenant.tenantId, async: true })).toMatchObject({ state: 'NOT_SUBSCRIBED' })
    expect(callbacks()).toEqual([
      { status: 'SUCCEEDED', message: 'Tenant deletion succeeded' },
      { status: 'SUCCEEDED', message: 'Tenant deletion succeeded' }
    ])
  })

  test.each([
    ['synchronous', false],
    ['asynchronous', true]
  ])('a %s unsubscribe of a tenant whose database is gone (DeploymentService 404) succeeds and removes route and tenant', async (_, async) => {
    const tenant = newTenant('dbless')
    await registry().subscribe(tenant)
    tenantsWithoutDatabase.add(tenant.tenantId)

    const result = await registry().unsubscribe({ tenant: tenant.tenantId, async })
    expect(result).toMatchObject({ state: 'NOT_SUBSCRIBED', error: undefined })
    expect(routesOf(tenant.tenantId)).toEqual([])
    expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(404)
  })
})
