import cds from '@sap/cds'
import { providerTenant } from './provider-tenant.js'
import { isSubscribed } from './subscribed-tenants.js'

const LOG = cds.log('tenancy')

/** Provisionings under way or done in this process, so that concurrent first requests share one. */
const provisioned = new Map<string, Promise<void>>()

/**
 * The provider tenant is not subscribed to its own app, yet its users read account data like any tenant's. Its
 * database is provisioned the way every tenant's is — mtxs' DeploymentService `subscribe`, which creates the
 * container (SQLite file, HDI container) and records the tenant in `cds.xt.Tenants`, so that `upgrade "*"` keeps
 * its schema current — once, on the first request that needs it. The metadata carries no subdomain, so the
 * onboarding hooks create no tenant route for it, and `providerTenant: true` tells it from subscribers.
 */
export function ensureProviderDatabase(): Promise<void> {
  const tenant = providerTenant()
  if (!tenant) return Promise.resolve()
  let pending = provisioned.get(tenant)
  if (!pending) {
    pending = provision(tenant)
    provisioned.set(tenant, pending)
    pending.catch(() => provisioned.delete(tenant))
  }
  return pending
}

async function provision(tenant: string): Promise<void> {
  if (await isSubscribed(tenant)) return
  const ds = await cds.connect.to('cds.xt.DeploymentService')
  LOG.info('provisioning the database of the provider tenant', tenant)
  const metadata = { subscribedTenantId: tenant, subscribedSubaccountId: tenant, providerTenant: true }
  await ds.tx({ tenant, user: cds.User.privileged }, tx => tx.send('subscribe', { tenant, metadata }))
}
