import cds from '@sap/cds'

/** `cds.requires['tenant-routes']`: where tenant routes go, how they are named, and how hard to try. */
export interface TenantRoutesConfig {
  /** Destination of the CF API (OAuth2Password, provider subaccount). */
  destination: string
  /** Name of the approuter app the tenant routes are mapped to. */
  approuterApp: string
  /** Appended to the subdomain: host = `<subdomain>-<hostSuffix>`. */
  hostSuffix: string
  /** Domain of the tenant routes; mta.yaml passes `${default-domain}`, the domain of tenant-hub's own route. */
  domain: string
  /** CF space of the routes and the approuter; default: tenant-hub's own space (`VCAP_APPLICATION.space_id`). */
  spaceGuid: string
  /** Value of the `managed-by` label, telling this tenant-hub's routes from another's in the same space. */
  managedBy: string
  /** Timeout of one HTTP request to the CF API. */
  requestTimeoutMs: number
  /**
   * A subscribe's or an unsubscribe's CF calls give up after this long together, their retries, waits and the
   * delete job's polls included (and so does any other single CF call). Keep it well below saas-registry's
   * `callbackTimeoutMillis`, which also has to cover the tenant's database deployment.
   */
  deadlineMs: number
  /** How long unsubscribe waits for CF's route-delete job (within `deadlineMs`). */
  jobTimeoutMs: number
  firstJobPollMs: number
  baseBackoffMs: number
  maxBackoffMs: number
}

const DEFAULTS = {
  destination: 'CFAPI',
  requestTimeoutMs: 10_000,
  deadlineMs: 60_000,
  jobTimeoutMs: 30_000,
  firstJobPollMs: 100,
  baseBackoffMs: 200,
  maxBackoffMs: 5_000
}

export class TenantRoutesConfigError extends Error {
  readonly status = 500
  readonly code = 'TENANT_ROUTES_CONFIG'
  constructor(message: string) {
    super(message)
    this.name = 'TenantRoutesConfigError'
  }
}

interface VcapApplication {
  space_id?: string
  application_name?: string
}

export function tenantRoutesConfig(): TenantRoutesConfig {
  const raw = ((cds.env.requires as Record<string, unknown>)['tenant-routes'] ?? {}) as Partial<TenantRoutesConfig>
  const vcap = vcapApplication()
  const config = { ...DEFAULTS, managedBy: vcap.application_name ?? 'tenant-hub', spaceGuid: vcap.space_id, ...raw }
  const missing = (['approuterApp', 'hostSuffix', 'domain'] as const).filter(key => !config[key])
  if (missing.length)
    throw new TenantRoutesConfigError(`cds.requires['tenant-routes'] lacks ${missing.join(', ')}; set them in package.json or CDS_CONFIG.`)
  return config as TenantRoutesConfig
}

/** The CF space, required only once a route is created or looked up. */
export function requireSpaceGuid(config: TenantRoutesConfig): string {
  if (!config.spaceGuid)
    throw new TenantRoutesConfigError(
      "tenant-hub cannot tell its CF space: VCAP_APPLICATION has no space_id; set cds.requires['tenant-routes'].spaceGuid."
    )
  return config.spaceGuid
}

function vcapApplication(): VcapApplication {
  try {
    return JSON.parse(process.env.VCAP_APPLICATION ?? '{}') as VcapApplication
  } catch {
    return {}
  }
}
