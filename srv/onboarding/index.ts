import cds from '@sap/cds'
import { forgetTenant } from '../tenancy/subscribed-tenants.js'
import { explain, httpStatusOf, OnboardingError } from './errors.js'
import { refuseInvalidTenantIds } from './tenant-ids.js'
import { tenantRoutes } from './tenant-routes.js'

const LOG = cds.log('onboarding')

/** What mtxs passes to DeploymentService handlers (WIRE-REFERENCE §F.4). */
interface SubscribeData {
  tenant: string
  metadata?: { subscribedSubdomain?: string }
}
interface UnsubscribeData {
  tenant: string
}
type Next = () => Promise<unknown>

/**
 * Registers the tenant lifecycle hooks on the mtxs services. Called once from `srv/server.ts` when cds has
 * served, i.e. after mtxs and the database plugin registered their own handlers.
 */
export function registerOnboardingHooks(): void {
  const sps = cds.services['cds.xt.SaasProvisioningService']
  const ds = cds.services['cds.xt.DeploymentService']
  if (!sps || !ds) {
    LOG.warn('mtxs services are not served; tenant onboarding hooks are not registered')
    return
  }
  // Prepended `on` handlers run before mtxs' own and wrap them through `next`.
  sps.prepend(() => sps.on('getAppUrl', appUrlOf))
  sps.before(['UPDATE', 'DELETE'], 'tenant', refuseInvalidTenantIds)
  ds.prepend(() => {
    ds.on('subscribe', (req, next) => subscribeWithRoute(req, () => next()))
    ds.on('unsubscribe', (req, next) => unsubscribeWithRoutes(req, () => next()))
  })
}

/** The tenant URL saas-registry shows the subscriber (sync body and async `subscriptionUrl`). */
function appUrlOf(req: cds.Request): string {
  const payload = (req.data as { subscriptionPayload?: { subscribedSubdomain?: unknown } }).subscriptionPayload ?? {}
  try {
    return tenantRoutes().urlOf(payload.subscribedSubdomain)
  } catch (err) {
    const { status, code, message } = err as { status?: number; code?: string; message: string }
    if (status === 400) return req.reject({ status, code, message })
    throw err
  }
}

/**
 * Subscribe = the tenant's route, then its database. The route comes first because it is cheap to undo:
 * if the database deployment fails, a route this call created is removed again, so a failed subscription
 * leaves neither. Re-subscribing (eventType UPDATE, retries) finds and reuses the route.
 */
async function subscribeWithRoute(req: cds.Request, next: Next): Promise<unknown> {
  const { tenant, metadata } = req.data as SubscribeData
  if (isMetadataTenant(tenant)) return next()
  const subdomain = metadata?.subscribedSubdomain
  if (!subdomain) {
    LOG.warn('subscribe of tenant', tenant, 'carries no subscribedSubdomain; its route is left unchanged')
    return next()
  }
  const routes = tenantRoutes()
  let ensured
  try {
    ensured = await routes.ensureRoute({ id: tenant, subdomain })
  } catch (err) {
    throw new OnboardingError(`Subscription of tenant ${tenant} failed: its route could not be created: ${explain(err, routes.config)}`, err)
  }
  try {
    return await next()
  } catch (err) {
    if (ensured.created) await routes.discard(ensured.route, `the database deployment of tenant ${tenant} failed`)
    throw err
  }
}

/** Unsubscribe = the tenant's routes, then its database. A tenant without routes or database is done already. */
async function unsubscribeWithRoutes(req: cds.Request, next: Next): Promise<unknown> {
  const { tenant } = req.data as UnsubscribeData
  if (isMetadataTenant(tenant)) return next()
  const routes = tenantRoutes()
  try {
    await routes.removeRoutes(tenant)
  } catch (err) {
    throw new OnboardingError(`Unsubscription of tenant ${tenant} failed: its routes could not be removed: ${explain(err, routes.config)}`, err)
  }
  forgetTenant(tenant)
  try {
    return await next()
  } catch (err) {
    if (httpStatusOf(err) !== 404) throw err
    LOG.info('tenant', tenant, 'had no database any more; unsubscribe is complete')
    return undefined
  }
}

function isMetadataTenant(tenant: string): boolean {
  const t0 = (cds.env.requires.multitenancy as { t0?: string } | undefined)?.t0 ?? 't0'
  return tenant === t0
}
