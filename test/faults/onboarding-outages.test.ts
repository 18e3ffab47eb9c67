import { DEMO_TENANTS } from '../../sandbox/identities.js'
import { captureOutput, type CapturedOutput } from '../helpers/captured-output.js'
import { sandboxApp } from '../helpers/sandbox-app.js'
import { leakedSecrets, secretsOf } from './matrix.js'

/**
 * Fault matrix, onboarding part: an upstream that stays down past the deadline. A retry cannot work, so the
 * operation fails with a message that names what failed; the landscape stays consistent (a failed subscribe leaves
 * no route and no tenant, a failed unsubscribe leaves both for the next try), and nothing secret is logged.
 */
process.env.CDS_CONFIG = JSON.stringify({
  requires: { 'tenant-routes': { requestTimeoutMs: 500, deadlineMs: 2000, baseBackoffMs: 50, maxBackoffMs: 300, firstJobPollMs: 40 } }
})
const app = sandboxApp({ destinationTokenTimeoutMs: 500 })
const tenant = DEMO_TENANTS[1]

const OUTAGES = [
  ['the CF UAA', 'uaa', /Destination "CFAPI" could not obtain a token/],
  ['the destination service', 'destination', /Destination "CFAPI" could not be read from the destination service/],
  ['the CF API', 'cf', /CF API .* did not succeed within 2000 ms/]
] as const

const routesOfTenant = () => app.sandbox.cf.snapshot().routes.filter(r => r.labels['tenant-hub/tenant-id'] === tenant.tenantId)
const tenantStatus = async () => {
  const token = app.sandbox.xsuaa.issueClientToken({ role: 'saas-registry' })
  const res = await app.test.axios.get(`/-/cds/saas-provisioning/tenant/${tenant.tenantId}`, {
    headers: { authorization: `Bearer ${token}` },
    validateStatus: () => true
  })
  return res.status
}

let output: CapturedOutput
beforeEach(async () => {
  await app.reset()
  output = captureOutput()
})
afterEach(() => output.stop())

describe.each(OUTAGES)('%s down for good', (_upstream, simulator, reason) => {
  test('a subscribe fails saying why, and leaves no route and no tenant', async () => {
    app.sandbox.faults.add({ simulator, status: 503, times: 10_000 })
    const result = await app.sandbox.saas.registry.subscribe({ subdomain: tenant.subdomain, tenantId: tenant.tenantId })

    expect(result.error).toMatch(reason)
    expect(result.state).toBe('SUBSCRIBE_FAILED')
    expect(routesOfTenant()).toEqual([])
    expect(await tenantStatus()).toBe(404)
    expect(leakedSecrets(output.text() + JSON.stringify(result), secretsOf(app.sandbox))).toEqual([])
  })

  test('an unsubscribe fails saying why and keeps route and tenant, so that the next try completes it', async () => {
    await app.sandbox.saas.registry.subscribe({ subdomain: tenant.subdomain, tenantId: tenant.tenantId })
    await app.forgetAppCaches()
    app.sandbox.faults.add({ simulator, status: 503, times: 10_000 })
    const failed = await app.sandbox.saas.registry.unsubscribe({ tenant: tenant.tenantId })

    expect(failed.error).toMatch(reason)
    expect(failed.state).toBe('UNSUBSCRIBE_FAILED')
    expect(routesOfTenant()).toHaveLength(1)
    expect(await tenantStatus()).toBe(200)
    expect(leakedSecrets(output.text() + JSON.stringify(failed), secretsOf(app.sandbox))).toEqual([])

    // saas-registry's next try comes later than the 30 s the Cloud SDK's circuit breaker stays open after an outage.
    app.sandbox.faults.clear()
    await app.forgetAppCaches()
    expect((await app.sandbox.saas.registry.unsubscribe({ tenant: tenant.tenantId })).state).toBe('NOT_SUBSCRIBED')
    expect(routesOfTenant()).toEqual([])
    expect(await tenantStatus()).toBe(404)
  })
})
