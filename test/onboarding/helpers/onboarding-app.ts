import { randomUUID } from 'node:crypto'
import { MANAGED_BY_LABEL, TENANT_LABEL } from '../../../srv/onboarding/tenant-routes.js'
import { CF_SEED } from '../../../sandbox/cf/index.js'
import { sandboxApp, type SandboxApp, type SandboxAppOptions } from '../../helpers/sandbox-app.js'

export { TENANT_LABEL, MANAGED_BY_LABEL }

/** A subscriber of one test: a fresh tenant id and a subdomain unique within the test file. */
export interface TestTenant {
  tenantId: string
  subdomain: string
}

let tenantCount = 0

/** A new subscriber, so that no test depends on the tenants another one left in tenant-hub's database. */
export function newTenant(prefix = 'tenant'): TestTenant {
  tenantCount += 1
  return { tenantId: randomUUID(), subdomain: `${prefix}-${tenantCount}` }
}

/** A route as the sandbox CF's snapshot shows it. */
export type SandboxRoute = ReturnType<SandboxApp['sandbox']['cf']['snapshot']>['routes'][number]

export interface OnboardingApp {
  readonly app: SandboxApp
  routesOf(tenantId: string): SandboxRoute[]
  /** Every route on the tenant domain with this host, whoever created it. */
  routesWithHost(host: string): SandboxRoute[]
  /** A saas-registry request straight to the provisioning endpoint (for what the driver does not send, e.g. UPDATE). */
  asSaasRegistry(): { headers: Record<string, string> }
  /** `GET /-/cds/saas-provisioning/tenant/:id`, as saas-registry. */
  tenantMetadata(tenantId: string): Promise<{ status: number; data: Record<string, unknown> }>
  /** Calls of one simulator since the last reset, by endpoint. */
  calls(simulator: string): Record<string, number>
}

/**
 * tenant-hub on the sandbox for one onboarding test file, with XSUAA auth as in the cloud: saas-registry calls
 * with its own token. The landscape and the app's caches are reset before every test.
 */
export function onboardingApp(options: SandboxAppOptions = {}): OnboardingApp {
  const app = sandboxApp(options)
  app.test.axios.defaults.validateStatus = () => true
  beforeEach(() => app.reset())

  const routes = () => app.sandbox.cf.snapshot().routes
  const asSaasRegistry = () => ({ headers: { authorization: `Bearer ${app.sandbox.xsuaa.issueClientToken({ role: 'saas-registry' })}` } })
  return {
    app,
    routesOf: tenantId => routes().filter(route => route.labels[TENANT_LABEL] === tenantId),
    routesWithHost: host => routes().filter(route => route.host === host),
    asSaasRegistry,
    tenantMetadata: tenantId => app.test.GET(`/-/cds/saas-provisioning/tenant/${tenantId}`, asSaasRegistry()),
    calls: simulator => app.sandbox.counter.snapshot()[simulator] ?? {}
  }
}

/** The subscribe body saas-registry sends (WIRE-REFERENCE §D.2), for PUTs the driver does not make itself. */
export function subscriptionPayload(tenant: TestTenant, eventType: 'CREATE' | 'UPDATE' = 'CREATE') {
  return {
    subscriptionAppName: 'tenant-hub',
    subscribedTenantId: tenant.tenantId,
    subscribedZoneId: tenant.tenantId,
    subscribedSubdomain: tenant.subdomain,
    subscribedSubaccountId: tenant.tenantId,
    globalAccountGUID: '011b4e7a-43b5-4f63-819a-9b1e46ab23b6',
    subscriptionAppPlan: 'standard',
    userId: 'APPLICATION_OWNER',
    eventType
  }
}

export const SANDBOX = {
  domain: CF_SEED.sharedDomain.name,
  spaceGuid: CF_SEED.space.guid,
  domainGuid: CF_SEED.sharedDomain.guid,
  approuterGuid: CF_SEED.approuterApp.guid,
  foreignSpaceGuid: CF_SEED.foreignSpace.guid
} as const

/** The host tenant-hub gives a subdomain in the sandbox (`hostSuffix` of package.json). */
export const hostOf = (subdomain: string) => `${subdomain.toLowerCase()}-tenant-hub`
