/**
 * `deadlineMs` bounds a subscribe's or an unsubscribe's CF calls together, not each call on its own: saas-registry
 * waits for the whole of it. Here every CF call answers within its own limits, but together they take longer.
 */
import { newTenant, onboardingApp } from './helpers/onboarding-app.js'

/**
 * A subscribe's calls come in three rounds: app and domain lookups side by side, create, map. Each round takes
 * CF_DELAY_MS, well within the request timeout and the deadline; two rounds end well before the deadline (so the
 * create is answered, never cut off), three rounds end well after it.
 */
const DEADLINE_MS = 2_400
const CF_DELAY_MS = 1_000

process.env.CDS_CONFIG = JSON.stringify({
  requires: { 'tenant-routes': { requestTimeoutMs: 2_000, baseBackoffMs: 50, maxBackoffMs: 200, deadlineMs: DEADLINE_MS, firstJobPollMs: 50 } }
})

const onboarding = onboardingApp()
const { app, routesOf } = onboarding
const registry = () => app.sandbox.saas.registry

test('a subscribe whose CF calls together take longer than the deadline fails, and leaves no route and no tenant', async () => {
  app.sandbox.faults.add({ simulator: 'cf', delayMs: CF_DELAY_MS, ratio: 1 })
  const tenant = newTenant('slow') // with cold caches: app and domain lookups, create, map

  const result = await registry().subscribe(tenant)
  expect(result).toMatchObject({ state: 'SUBSCRIBE_FAILED', httpStatus: 504 })
  expect(result.error).toMatch(new RegExp(`its route could not be created: CF API .+ did not succeed within ${DEADLINE_MS} ms`))
  expect(routesOf(tenant.tenantId)).toEqual([])
  expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(404)
})

test('an unsubscribe whose CF calls together take longer than the deadline fails and keeps the tenant for a retry', async () => {
  const tenant = newTenant('slow-leaver')
  expect(await registry().subscribe(tenant)).toMatchObject({ state: 'SUBSCRIBED' })
  app.sandbox.faults.add({ simulator: 'cf', delayMs: CF_DELAY_MS, ratio: 1 }) // find, delete, then the job's polls

  const result = await registry().unsubscribe({ tenant: tenant.tenantId })
  expect(result).toMatchObject({ state: 'UNSUBSCRIBE_FAILED' })
  expect(result.error).toMatch(/Unsubscription of tenant .+ failed: its routes could not be removed/)
  expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(200)

  app.sandbox.faults.clear()
  expect(await registry().unsubscribe({ tenant: tenant.tenantId })).toMatchObject({ state: 'NOT_SUBSCRIBED' })
  expect(routesOf(tenant.tenantId)).toEqual([])
})
