import cds from '@sap/cds'
import { providerTenant } from './provider-tenant.js'

/** How long a "this tenant is subscribed" answer is trusted before t0 is asked again. */
const POSITIVE_TTL_MS = 60_000

const subscribedUntil = new Map<string, number>()

/**
 * Refuses requests of tenants that are not subscribed with 403 instead of letting them reach a tenant
 * database that does not exist (SQLite answers "no such table", HANA an unknown container).
 * Subscriptions are read from mtxs' own `cds.xt.Tenants` in t0, the source of truth for tenants.
 * The provider tenant owns tenant-hub and is never refused: a service that keeps data for it provisions its
 * database itself (`ensureProviderDatabase`).
 */
export function guardSubscribedTenants(srv: cds.Service): void {
  srv.before('*', async (req: cds.Request) => {
    const tenant = req.tenant
    if (!tenant || tenant === providerTenant() || (subscribedUntil.get(tenant) ?? 0) > Date.now()) return
    if (await isSubscribed(tenant)) subscribedUntil.set(tenant, Date.now() + POSITIVE_TTL_MS)
    else req.reject({ status: 403, code: 'TENANT_NOT_SUBSCRIBED', message: `Tenant ${tenant} is not subscribed to tenant-hub.` })
  })
}

/** Forgets a tenant at once, e.g. after it unsubscribed in this process. */
export function forgetTenant(tenant: string): void {
  subscribedUntil.delete(tenant)
}

/** Whether mtxs has the tenant in its tenant metadata (asks t0 each time). */
export async function isSubscribed(tenant: string): Promise<boolean> {
  const t0 = (cds.env.requires.multitenancy as { t0?: string } | undefined)?.t0 ?? 't0'
  const row = await cds.tx({ tenant: t0 }, tx => tx.run(SELECT.one.from('cds.xt.Tenants').columns('ID').where({ ID: tenant })))
  return !!row
}
