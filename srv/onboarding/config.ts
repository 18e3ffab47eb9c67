import cds from '@sap/cds'

/** `cds.requires['tenant-routes']`: where tenant routes go and how they are named. */
export interface TenantRoutesConfig {
  /** Name of the approuter app the tenant routes are mapped to. */
  approuterApp: string
  /** Appended to the subdomain: host = `<subdomain>-<hostSuffix>`. */
  hostSuffix: string
  /** Shared or custom domain of the tenant routes, e.g. `cfapps.eu10.hana.ondemand.com`. */
  domain: string
}

export class TenantRoutesConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TenantRoutesConfigError'
  }
}

export function tenantRoutesConfig(): TenantRoutesConfig {
  const raw = (cds.env.requires as Record<string, unknown>)['tenant-routes'] as Partial<TenantRoutesConfig> | undefined
  const missing = (['approuterApp', 'hostSuffix', 'domain'] as const).filter(k => !raw?.[k])
  if (missing.length)
    throw new TenantRoutesConfigError(`cds.requires['tenant-routes'] lacks ${missing.join(', ')}; set them in package.json or CDS_CONFIG.`)
  return { approuterApp: raw!.approuterApp!, hostSuffix: raw!.hostSuffix!, domain: raw!.domain! }
}
