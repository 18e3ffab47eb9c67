import cds from '@sap/cds'
import { tenantRoutesConfig } from './config.js'
import { routeHostFor, tenantUrlFor } from './naming.js'
import { forgetTenant } from '../tenancy/subscribed-tenants.js'

const LOG = cds.log('onboarding')

interface SubscriptionPayload {
  subscribedSubdomain?: unknown
  subscribedTenantId?: unknown
}

/**
 * Registers the tenant lifecycle hooks on the mtxs services. Called once from `srv/server.ts`
 * when cds has served, i.e. after the mtxs services registered their own handlers.
 */
export function registerOnboardingHooks(): void {
  const sps = cds.services['cds.xt.SaasProvisioningService']
  if (!sps) {
    LOG.warn('cds.xt.SaasProvisioningService is not served; tenant onboarding hooks are not registered')
    return
  }
  // mtxs registers its default getAppUrl in init(); prepend so ours answers first.
  sps.prepend(() => sps.on('getAppUrl', appUrlOf))
  const ds = cds.services['cds.xt.DeploymentService']
  ds?.after('unsubscribe', (_result: unknown, req: cds.Request) => forgetTenant((req.data as { tenant: string }).tenant))
}

/** The tenant URL saas-registry shows the subscriber (sync body and async `subscriptionUrl`). */
function appUrlOf(req: cds.Request): string {
  const payload = (req.data as { subscriptionPayload?: SubscriptionPayload }).subscriptionPayload ?? {}
  const config = tenantRoutesConfig()
  try {
    return tenantUrlFor(routeHostFor(payload.subscribedSubdomain, config.hostSuffix), config.domain)
  } catch (err) {
    const { status, code, message } = err as { status?: number; code?: string; message: string }
    if (status === 400) return req.reject({ status, code, message })
    throw err
  }
}
