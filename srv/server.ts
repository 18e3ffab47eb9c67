import cds from '@sap/cds'
import { checkConnectivityAtStartup, providerOnlyMiddleware } from './admin/index.js'
import { registerOnboardingHooks } from './onboarding/index.js'
import { reportIdentityServiceOutages } from './tenancy/identity-service-outage.js'
import { guardSubscribedTenants } from './tenancy/subscribed-tenants.js'
import { compileTenantSchemaOnce } from './tenancy/tenant-schema-ddl.js'

/** Services of the provider's operators: the provider is no subscribed tenant, and they check their callers themselves. */
const PROVIDER_SERVICES = new Set(['AdminService'])

reportIdentityServiceOutages()
compileTenantSchemaOnce()
cds.middlewares.add(providerOnlyMiddleware(), { after: 'auth' })
cds.on('serving', srv => {
  if (srv instanceof cds.ApplicationService && !srv.name.startsWith('cds.xt.') && !PROVIDER_SERVICES.has(srv.name)) guardSubscribedTenants(srv)
})
cds.on('served', registerOnboardingHooks)
cds.once('listening', () => void checkConnectivityAtStartup())

export default cds.server
