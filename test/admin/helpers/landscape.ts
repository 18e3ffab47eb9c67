import { CF_SEED } from '../../../sandbox/cf/index.js'
import { DEMO_TENANTS, PROVIDER } from '../../../sandbox/identities.js'
import type { SandboxApp } from '../../helpers/sandbox-app.js'

export const TENANT_LABEL = 'tenant-hub/tenant-id'
export const MANAGED_BY_LABEL = 'tenant-hub/managed-by'
/** tenant-hub's `managed-by` label value: its CF app name (`VCAP_APPLICATION.application_name`). */
export const MANAGED_BY = CF_SEED.srvApp.name
export const [ACME, GLOBEX] = DEMO_TENANTS
export const DOMAIN = CF_SEED.sharedDomain.name

export type Who = { tenant: string; scopes: string[] }
export const OPERATOR: Who = { tenant: PROVIDER.tenantId, scopes: ['Admin', 'Viewer'] }

/** Request options with a sandbox XSUAA user token of `who`. */
export async function as(app: SandboxApp, who: Who) {
  return { headers: { authorization: `Bearer ${await app.sandbox.issueUserToken(who)}` } }
}

/** Subscribes a demo tenant through the sandbox's saas-registry, as BTP does. */
export async function subscribe(app: SandboxApp, tenant: { tenantId: string; subdomain: string }): Promise<void> {
  const result = await app.sandbox.saas.registry.subscribe({ tenantId: tenant.tenantId, subdomain: tenant.subdomain })
  if (result.state !== 'SUBSCRIBED') throw new Error(`subscribing ${tenant.subdomain} failed: ${result.error}`)
}

/** Unsubscribes whatever the saas-registry has subscribed, so the next test starts without tenants. */
export async function unsubscribeAll(app: SandboxApp): Promise<void> {
  const { subscriptions } = app.sandbox.saas.snapshot() as { subscriptions: Array<{ consumerTenantId: string; state: string }> }
  for (const { consumerTenantId } of subscriptions) await app.sandbox.saas.registry.unsubscribe({ tenant: consumerTenantId })
}

/** The sandbox CF's routes labelled for a tenant. */
export function cfRoutesOf(app: SandboxApp, tenantId: string) {
  return app.sandbox.cf.snapshot().routes.filter(route => route.labels[TENANT_LABEL] === tenantId)
}

/** A creation time older than reconcile's grace for routes of tenants mtxs does not know (yet). */
export const LONG_AGO = '2026-01-01T00:00:00Z'

/** A route created in the sandbox CF directly, behind tenant-hub's back; now, unless `createdAt` says otherwise. */
export function createRouteBehindTheBack(app: SandboxApp, host: string, labels: Record<string, string>, spaceGuid: string = CF_SEED.space.guid, createdAt?: string) {
  return app.sandbox.cf.store.createRoute({ host, spaceGuid, domainGuid: CF_SEED.sharedDomain.guid, metadata: { labels, annotations: {} }, createdAt })
}

/** The route of a tenant that unsubscribed long ago and left it behind. */
export function leftoverRouteOf(app: SandboxApp, tenant: string, host: string) {
  return createRouteBehindTheBack(app, host, { [TENANT_LABEL]: tenant, [MANAGED_BY_LABEL]: MANAGED_BY }, CF_SEED.space.guid, LONG_AGO)
}
