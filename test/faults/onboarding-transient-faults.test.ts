import { DEMO_TENANTS } from '../../sandbox/identities.js'
import { captureOutput, type CapturedOutput } from '../helpers/captured-output.js'
import { sandboxApp } from '../helpers/sandbox-app.js'
import { FAULTS, leakedSecrets, secretsOf } from './matrix.js'

/**
 * Fault matrix, onboarding part: every upstream a subscribe or unsubscribe touches (CF UAA behind the destination
 * service, the destination service, the CF API) × every fault, once. A retry can work for each, so each must be
 * retried and succeed; and in every cell no orphan route, no half-registered tenant, no secret in logs or answers.
 */
process.env.CDS_CONFIG = JSON.stringify({
  requires: { 'tenant-routes': { requestTimeoutMs: 1000, deadlineMs: 30_000, baseBackoffMs: 50, maxBackoffMs: 500, firstJobPollMs: 40 } }
})
const app = sandboxApp({ destinationTokenTimeoutMs: 1000 })
const tenant = DEMO_TENANTS[0]

/** Which upstream, and how long a delay must be to pass the caller's timeout. */
const UPSTREAMS = {
  'the CF UAA': { simulator: 'uaa', delayPastTimeoutMs: 1500 },
  'the destination service': { simulator: 'destination', delayPastTimeoutMs: 10_500 }, // the Cloud SDK's fixed 10 s
  'the CF API': { simulator: 'cf', delayPastTimeoutMs: 1500 }
} as const

const routesOfTenant = () => app.sandbox.cf.snapshot().routes.filter(r => r.labels['tenant-hub/tenant-id'] === tenant.tenantId)
const storedTenant = async () => {
  const token = app.sandbox.xsuaa.issueClientToken({ role: 'saas-registry' })
  return app.test.axios.get(`/-/cds/saas-provisioning/tenant/${tenant.tenantId}`, { headers: { authorization: `Bearer ${token}` }, validateStatus: () => true })
}

let output: CapturedOutput
beforeEach(async () => {
  await app.reset() // cold caches: every upstream is on the path
  output = captureOutput()
})
afterEach(() => output.stop())

const cells = Object.entries(UPSTREAMS).flatMap(([upstream, { simulator, delayPastTimeoutMs }]) =>
  Object.entries(FAULTS).map(([fault, spec]) => [upstream, fault, { simulator, ...spec(delayPastTimeoutMs), times: 1 }] as const)
)

describe.each(cells)('%s answering once with %s', (_upstream, _fault, faultSpec) => {
  test('a subscribe is retried and succeeds, with one mapped route, the tenant registered, and no secret logged', async () => {
    app.sandbox.faults.add(faultSpec)
    const result = await app.sandbox.saas.registry.subscribe({ subdomain: tenant.subdomain, tenantId: tenant.tenantId })

    expect(result).toMatchObject({ state: 'SUBSCRIBED', url: `https://${tenant.subdomain}-tenant-hub.cfapps.sandbox.localhost` })
    expect(app.sandbox.faults.list()).toEqual([]) // the fault was hit
    expect(routesOfTenant()).toEqual([expect.objectContaining({ appGuids: [expect.any(String)] })])
    expect((await storedTenant()).status).toBe(200)
    expect(leakedSecrets(output.text() + JSON.stringify(result), secretsOf(app.sandbox))).toEqual([])
    await app.sandbox.saas.registry.unsubscribe({ tenant: tenant.tenantId })
  })

  test('an unsubscribe is retried and succeeds, leaving neither route nor tenant, and no secret logged', async () => {
    await app.sandbox.saas.registry.subscribe({ subdomain: tenant.subdomain, tenantId: tenant.tenantId })
    await app.forgetAppCaches()
    app.sandbox.faults.add(faultSpec)
    const result = await app.sandbox.saas.registry.unsubscribe({ tenant: tenant.tenantId })

    expect(result.state).toBe('NOT_SUBSCRIBED')
    expect(app.sandbox.faults.list()).toEqual([])
    expect(routesOfTenant()).toEqual([])
    expect((await storedTenant()).status).toBe(404)
    expect(leakedSecrets(output.text() + JSON.stringify(result), secretsOf(app.sandbox))).toEqual([])
  })
})
