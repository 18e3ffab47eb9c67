import cds from '@sap/cds'
import { CfApiError, CfClient, CfTransport, outsideDeadline, withinDeadline, type Route } from '../cf/index.js'
import { requireSpaceGuid, tenantRoutesConfig, type TenantRoutesConfig } from './config.js'
import { routeHostFor, tenantUrlFor } from './naming.js'

const LOG = cds.log('onboarding')

/** Label keys on every route tenant-hub creates: CF is the source of truth for routes, found by these. */
export const TENANT_LABEL = 'tenant-hub/tenant-id'
export const MANAGED_BY_LABEL = 'tenant-hub/managed-by'

export interface Tenant {
  id: string
  subdomain: string
}

export interface EnsuredRoute {
  route: Route
  url: string
  /** True when this call created the route (and so may remove it again if the subscription fails). */
  created: boolean
}

/** The host is held by a route tenant-hub did not create for this tenant. */
export class HostTakenError extends Error {
  readonly status = 409
  readonly code = 'ROUTE_HOST_TAKEN'
  constructor(hostname: string, owner: string) {
    super(`The host ${hostname} is already taken by ${owner}. Choose another subdomain or host suffix, or remove that route.`)
    this.name = 'HostTakenError'
  }
}

/** Creating, finding and removing the CF routes of tenants. */
export class TenantRoutes {
  readonly cf: CfClient
  readonly config: TenantRoutesConfig

  constructor(cf: CfClient, config: TenantRoutesConfig) {
    this.cf = cf
    this.config = config
  }

  /** The URL of a tenant, by the naming rules alone (no remote call). */
  urlOf(subdomain: unknown): string {
    return tenantUrlFor(routeHostFor(subdomain, this.config.hostSuffix), this.config.domain)
  }

  labelsOf(tenantId: string): Record<string, string> {
    return { [TENANT_LABEL]: tenantId, [MANAGED_BY_LABEL]: this.config.managedBy }
  }

  /**
   * Makes sure the tenant has its route, mapped to the approuter. Idempotent and safe against concurrent
   * callers: CF's global host uniqueness lets only one create win; the others find that route by host and
   * accept it when it carries this tenant's labels in this space. All its CF calls end within `deadlineMs` together.
   */
  ensureRoute(tenant: Tenant): Promise<EnsuredRoute> {
    const host = routeHostFor(tenant.subdomain, this.config.hostSuffix)
    return withinDeadline(this.config.deadlineMs, async () => {
      try {
        return await this.#ensureRoute(tenant, host)
      } catch (err) {
        if (!isGoneGuid(err)) throw err
        LOG.info('CF no longer knows the cached app or domain guid; looking them up again')
        this.cf.forgetGuids()
        return this.#ensureRoute(tenant, host)
      }
    })
  }

  async #ensureRoute(tenant: Tenant, host: string): Promise<EnsuredRoute> {
    const spaceGuid = requireSpaceGuid(this.config)
    const [appGuid, domainGuid] = await Promise.all([
      this.cf.appGuid(spaceGuid, this.config.approuterApp),
      this.cf.domainGuid(this.config.domain)
    ])
    let route: Route
    let created = false
    try {
      route = await this.cf.createRoute({ host, spaceGuid, domainGuid, labels: this.labelsOf(tenant.id) })
      created = true
    } catch (err) {
      if (!(err instanceof CfApiError && err.isRouteAlreadyExists)) throw err
      route = await this.#ownExistingRoute(tenant, host, spaceGuid, domainGuid)
    }
    if (!route.destinations.some(destination => destination.app.guid === appGuid)) {
      try {
        await this.cf.mapRoute(route.guid, appGuid)
      } catch (err) {
        if (created) await this.discard(route, 'its mapping to the approuter failed')
        throw err
      }
    }
    LOG.info(created ? 'created route' : 'reused route', route.url, 'for tenant', tenant.id)
    return { route, url: tenantUrlFor(host, this.config.domain), created }
  }

  async #ownExistingRoute(tenant: Tenant, host: string, spaceGuid: string, domainGuid: string): Promise<Route> {
    const hostname = `${host}.${this.config.domain}`
    const [existing] = await this.cf.findRoutes({ hosts: [host], domainGuids: [domainGuid] })
    if (!existing) throw new HostTakenError(hostname, 'a route outside tenant-hub’s space (another org or space)')
    const labels = existing.metadata.labels ?? {}
    const ours =
      existing.relationships.space.data?.guid === spaceGuid &&
      labels[TENANT_LABEL] === tenant.id &&
      labels[MANAGED_BY_LABEL] === this.config.managedBy
    if (!ours) {
      const owner = labels[TENANT_LABEL] ? `the route of tenant ${labels[TENANT_LABEL]}` : 'a route tenant-hub did not create'
      throw new HostTakenError(hostname, owner)
    }
    return existing
  }

  /**
   * Looks up the guids every subscribe needs (approuter app, domain) and resolves the CF destination, so that the
   * first subscribe after start-up already takes the warm path: two CF calls, nothing else.
   */
  async warmUp(): Promise<void> {
    const spaceGuid = requireSpaceGuid(this.config)
    await Promise.all([this.cf.appGuid(spaceGuid, this.config.approuterApp), this.cf.domainGuid(this.config.domain)])
  }

  /** The routes tenant-hub created for a tenant (found by label). */
  routesOf(tenantId: string): Promise<Route[]> {
    return this.cf.findRoutes({ labels: this.labelsOf(tenantId) })
  }

  /**
   * Removes every route of the tenant and waits for CF to finish; none left counts as success. All its CF calls end
   * within `deadlineMs` together.
   */
  removeRoutes(tenantId: string): Promise<number> {
    return withinDeadline(this.config.deadlineMs, async () => {
      const routes = await this.routesOf(tenantId)
      for (const route of routes) await this.cf.deleteRoute(route.guid)
      if (routes.length) LOG.info('removed', routes.length, 'route(s) of tenant', tenantId)
      return routes.length
    })
  }

  /**
   * Removes a route this process just created, because the rest of its subscription failed; never throws. It has
   * time of its own: the subscription may have failed because its time was up.
   */
  async discard(route: Route, why: string): Promise<void> {
    try {
      await outsideDeadline(() => this.cf.deleteRoute(route.guid))
      LOG.warn('removed route', route.url, 'again because', why)
    } catch (err) {
      LOG.error('route', route.url, 'could not be removed after', why, '- reconcile will remove it:', err)
    }
  }
}

/** CF answers like this when a cached app/domain/space guid no longer exists. */
function isGoneGuid(err: unknown): boolean {
  return (
    err instanceof CfApiError &&
    err.status === 422 &&
    /^(Invalid (domain|space)\.|App\(s\) with guid\(s\) .* do not exist)/.test(err.detail)
  )
}

let instance: TenantRoutes | undefined

/** The process-wide TenantRoutes, built from `cds.requires['tenant-routes']` on first use. */
export function tenantRoutes(): TenantRoutes {
  if (!instance) {
    const config = tenantRoutesConfig()
    const transport = new CfTransport({
      destination: config.destination,
      requestTimeoutMs: config.requestTimeoutMs,
      retry: { deadlineMs: config.deadlineMs, baseBackoffMs: config.baseBackoffMs, maxBackoffMs: config.maxBackoffMs }
    })
    instance = new TenantRoutes(new CfClient(transport, config), config)
  }
  return instance
}

/** Forgets the process-wide instance (its cached guids), so configuration changes take effect. */
export function resetTenantRoutes(): void {
  instance = undefined
}
