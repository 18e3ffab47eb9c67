import { hostOf, newTenant, onboardingApp, SANDBOX, subscriptionPayload, type TestTenant } from './helpers/onboarding-app.js'
import { startSecondInstance, type SecondInstance } from './helpers/second-instance.js'

const onboarding = onboardingApp()
const { app, routesOf, routesWithHost } = onboarding
const first = () => app.test.axios.defaults.baseURL!

let second: SecondInstance
beforeAll(async () => {
  second = await startSecondInstance(app.sandbox)
}, 60_000)
afterAll(() => second?.stop())

/** saas-registry's PUT of one subscription to one tenant-hub instance. */
async function subscribeAt(baseUrl: string, tenant: TestTenant) {
  const res = await fetch(`${baseUrl}/-/cds/saas-provisioning/tenant/${tenant.tenantId}`, {
    method: 'PUT',
    headers: { ...onboarding.asSaasRegistry().headers, 'content-type': 'application/json' },
    body: JSON.stringify(subscriptionPayload(tenant))
  })
  return { status: res.status, body: await res.text() }
}

test('two tenant-hub processes subscribing the same tenant at the same moment create exactly one route', async () => {
  // Warm both instances, so that their route creations reach CF together rather than one cold lookup apart.
  await subscribeAt(first(), newTenant('warm-first'))
  await subscribeAt(second.url, newTenant('warm-second'))
  // Both creates are in flight at CF at once: CF answers each only after 300 ms.
  app.sandbox.faults.add({ simulator: 'cf', endpoint: 'POST /v3/routes', delayMs: 300, times: 2 })
  app.sandbox.counter.reset()
  const tenant = newTenant('raced')

  const results = await Promise.all([subscribeAt(first(), tenant), subscribeAt(second.url, tenant)])

  const url = `https://${hostOf(tenant.subdomain)}.${SANDBOX.domain}`
  expect(results).toEqual([
    { status: 200, body: url },
    { status: 200, body: url }
  ])
  expect(app.sandbox.counter.count('cf', 'POST /v3/routes')).toBe(2)
  expect(routesWithHost(hostOf(tenant.subdomain))).toEqual([expect.objectContaining({ appGuids: [SANDBOX.approuterGuid] })])
  expect(routesOf(tenant.tenantId)).toHaveLength(1)
})
