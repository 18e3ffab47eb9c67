import cds from '@sap/cds'

/** A subscribed tenant as mtxs recorded it (the saas-registry payload it was subscribed with). */
export interface SubscribedTenant {
  id: string
  subdomain?: string
  subaccount?: string
  globalAccount?: string
  createdAt?: string
  modifiedAt?: string
}

/** The columns of mtxs' `cds.xt.Tenants` (in t0) that tenant-hub reads. */
interface TenantRow {
  ID: string
  metadata?: string | null
  createdAt?: string | null
  modifiedAt?: string | null
}

/** What mtxs keeps of the subscription payload (WIRE-REFERENCE §D.2). */
interface SubscriptionMetadata {
  /** Set on the provider's own database, which AccountService creates for the provider's reads. */
  providerTenant?: unknown
  subscribedSubdomain?: unknown
  subscribedSubaccountId?: unknown
  globalAccountGUID?: unknown
}

/** mtxs job task states of an operation that has not ended. */
const UNFINISHED_TASK_STATES = ['QUEUED', 'RUNNING']

/**
 * The tenants mtxs knows as subscribed, read from its own tenant metadata in t0: the source of truth for
 * tenants (DESIGN.md). t0 itself is mtxs' metadata tenant, not a subscriber, and is left out, as is the provider's
 * own database (it has no route by design).
 */
export async function subscribedTenants(): Promise<SubscribedTenant[]> {
  const t0 = metadataTenant()
  const rows: TenantRow[] = await cds.tx({ tenant: t0 }, tx =>
    tx.run(SELECT.from('cds.xt.Tenants').columns('ID', 'metadata', 'createdAt', 'modifiedAt').where({ ID: { '!=': t0 } }).orderBy('ID'))
  )
  return rows.filter(row => parseMetadata(row.metadata).providerTenant !== true).map(tenantOf)
}

/**
 * Tenants with an mtxs subscribe, upgrade or unsubscribe job that has not ended. While one runs, the tenant's
 * route and its entry in `cds.xt.Tenants` do not match yet (subscribe creates the route before mtxs records
 * the tenant; unsubscribe removes it before), so repairs leave such tenants alone.
 */
export async function tenantsBusyInMtxs(): Promise<Set<string>> {
  const rows: Array<{ tenant: string | null }> = await cds.tx({ tenant: metadataTenant() }, tx =>
    tx.run(SELECT.distinct.from('cds.xt.Tasks').columns('tenant').where({ status: { in: UNFINISHED_TASK_STATES } }))
  )
  return new Set(rows.map(row => row.tenant).filter((tenant): tenant is string => !!tenant))
}

function tenantOf(row: TenantRow): SubscribedTenant {
  const metadata = parseMetadata(row.metadata)
  return {
    id: row.ID,
    subdomain: text(metadata.subscribedSubdomain),
    subaccount: text(metadata.subscribedSubaccountId),
    globalAccount: text(metadata.globalAccountGUID),
    createdAt: row.createdAt ?? undefined,
    modifiedAt: row.modifiedAt ?? undefined
  }
}

function parseMetadata(metadata: string | null | undefined): SubscriptionMetadata {
  if (!metadata) return {}
  try {
    const parsed: unknown = JSON.parse(metadata)
    return parsed && typeof parsed === 'object' ? (parsed as SubscriptionMetadata) : {}
  } catch {
    return {}
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined
}

function metadataTenant(): string {
  return (cds.env.requires.multitenancy as { t0?: string } | undefined)?.t0 ?? 't0'
}
