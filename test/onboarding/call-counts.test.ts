import { newTenant, onboardingApp } from './helpers/onboarding-app.js'

const onboarding = onboardingApp()
const { app } = onboarding
const registry = () => app.sandbox.saas.registry
const count = (simulator: string) => app.sandbox.counter.count(simulator)

// What tenant-hub called while it started, before the first test resets the counters.
let callsAtStartUp: Record<string, Record<string, number>>
beforeAll(() => (callsAtStartUp = app.sandbox.counter.snapshot()))

test("mtxs' own subscription of its metadata tenant t0 at start-up gets no route: no CF call", () => {
  expect(callsAtStartUp.cf).toBeUndefined()
  expect(callsAtStartUp.destination).toBeUndefined()
})

describe('calls a subscription costs', () => {
  // The first subscription of this process: not even XSUAA's keys or the destination service's token are cached.
  test('cold (nothing cached): at most 6 CF calls, one destination lookup and one CF token', async () => {
    await registry().subscribe(newTenant('cold'))

    expect(onboarding.calls('cf')).toEqual({
      'GET /v3/apps': 1,
      'GET /v3/domains': 1,
      'POST /v3/routes': 1,
      'POST /v3/routes/:guid/destinations': 1
    })
    expect(count('cf')).toBeLessThanOrEqual(6)
    // the two GETs of one destination lookup ($skipTokenRetrieval, then with the token), one password grant
    expect(onboarding.calls('destination')).toEqual({ 'GET /destination-configuration/v1/destinations/:name': 2 })
    expect(onboarding.calls('uaa')).toEqual({ 'POST /oauth/token': 1 })
    // the keys that validate saas-registry's token, and the token for the destination service
    expect(onboarding.calls('xsuaa')).toEqual({ 'GET /token_keys': 1, 'POST /oauth/token': 1 })
  })

  test('warm: exactly 2 CF calls (create, map) and no destination or token calls', async () => {
    await registry().subscribe(newTenant('warming'))
    app.sandbox.counter.reset()

    await registry().subscribe(newTenant('warm'))
    expect(onboarding.calls('cf')).toEqual({ 'POST /v3/routes': 1, 'POST /v3/routes/:guid/destinations': 1 })
    expect(count('destination')).toBe(0)
    expect(count('xsuaa')).toBe(0)
    expect(count('uaa')).toBe(0)
  })

  test('warm unsubscribe: at most 3 CF calls (find, delete, job) and no destination or token calls', async () => {
    const tenant = newTenant('leaving')
    await registry().subscribe(tenant)
    app.sandbox.counter.reset()

    await registry().unsubscribe({ tenant: tenant.tenantId })
    expect(onboarding.calls('cf')).toMatchObject({ 'GET /v3/routes': 1, 'DELETE /v3/routes/:guid': 1, 'GET /v3/jobs/:guid': 1 })
    expect(count('cf')).toBeLessThanOrEqual(3)
    expect(count('destination') + count('xsuaa') + count('uaa')).toBe(0)
  })
})
