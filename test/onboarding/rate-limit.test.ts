/**
 * Subscribes that together exceed CF's rate limit all succeed, and CF refuses about one call per window: calls wait
 * for the window CF names in its 429, and go out no faster than CF's `X-RateLimit-Remaining` says it takes them.
 */
import { newTenant, onboardingApp } from './helpers/onboarding-app.js'

/** CF takes 10 calls per user every 2 s (real CF: thousands per 30 minutes; the rule is the same). */
const LIMIT = 10
const RESET_SECONDS = 2
const SUBSCRIBES = 15

const onboarding = onboardingApp({ cf: { rateLimit: { limit: LIMIT, resetSeconds: RESET_SECONDS } } })
const { app, routesOf } = onboarding

test(`${SUBSCRIBES} concurrent subscribes past the limit all succeed, with CF refusing about one call per window`, async () => {
  // One subscribe first, so that app, domain and destination are looked up before and only routes are counted.
  expect((await app.sandbox.saas.registry.subscribe(newTenant('warm'))).state).toBe('SUBSCRIBED')
  await new Promise(resolve => setTimeout(resolve, RESET_SECONDS * 1000)) // a fresh window
  app.sandbox.counter.reset()

  const tenants = Array.from({ length: SUBSCRIBES }, () => newTenant('limited'))
  const started = Date.now()
  const results = await Promise.all(tenants.map(tenant => app.sandbox.saas.registry.subscribe(tenant)))
  const windows = Math.ceil((Date.now() - started) / (RESET_SECONDS * 1000))

  expect(results.map(result => result.error ?? result.state)).toEqual(Array(SUBSCRIBES).fill('SUBSCRIBED'))
  for (const tenant of tenants) expect(routesOf(tenant.tenantId)).toEqual([expect.objectContaining({ appGuids: [expect.any(String)] })])
  const needed = 2 * SUBSCRIBES // create the route, map it
  const refused = app.sandbox.counter.count('cf') - needed
  // Every call that waited for a window would come back when it opens, and all but LIMIT of them be refused again.
  expect(refused).toBeLessThanOrEqual(windows)
})
