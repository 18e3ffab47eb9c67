import cds from '@sap/cds'
import { registerOnboardingHooks } from './onboarding/index.js'
import { guardSubscribedTenants } from './tenancy/subscribed-tenants.js'

cds.on('serving', srv => {
  if (srv instanceof cds.ApplicationService && !srv.name.startsWith('cds.xt.')) guardSubscribedTenants(srv)
})
cds.on('served', registerOnboardingHooks)

export default cds.server
