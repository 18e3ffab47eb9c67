import type { CfClient, Route } from '../cf/index.js'
import { requireSpaceGuid, type TenantRoutesConfig } from '../onboarding/config.js'
import { MANAGED_BY_LABEL, TENANT_LABEL } from '../onboarding/tenant-routes.js'

/** A route tenant-hub created, as operators see it. */
export interface ManagedRoute {
  guid: string
  host: string
  /** The domain's name, e.g. `cfapps.eu10.hana.ondemand.com`. */
  domain: string
  /** `https://<host>.<domain><path>`. */
  url: string
  /** The tenant id of its `tenant-hub/tenant-id` label; `undefined` when the label is missing. */
  tenant?: string
  /** Guids of the apps it is mapped to. */
  appGuids: string[]
  createdAt: string
}

/**
 * The routes of this tenant-hub in its space: found by the `managed-by` label, so routes of another tenant-hub
 * in the same space and routes created by hand are never touched.
 */
export async function managedRoutes(cf: CfClient, config: TenantRoutesConfig): Promise<ManagedRoute[]> {
  const routes = await cf.findRoutes({ spaceGuids: [requireSpaceGuid(config)], labels: { [MANAGED_BY_LABEL]: config.managedBy } })
  const domains = await domainNames(cf, routes)
  return routes.map(route => managedRoute(route, domains.get(route.relationships.domain.data?.guid ?? '') ?? ''))
}

/** A route as `managedRoutes` describes it, for a route whose domain name is known. */
export function managedRoute(route: Route, domain: string): ManagedRoute {
  return {
    guid: route.guid,
    host: route.host,
    domain,
    url: `https://${route.url}`,
    tenant: route.metadata.labels?.[TENANT_LABEL] || undefined,
    appGuids: [...new Set(route.destinations.map(destination => destination.app.guid))],
    createdAt: route.created_at
  }
}

/** Names of the routes' domains, one lookup per distinct domain. */
async function domainNames(cf: CfClient, routes: Route[]): Promise<Map<string, string>> {
  const guids = [...new Set(routes.map(route => route.relationships.domain.data?.guid).filter((guid): guid is string => !!guid))]
  const domains = await Promise.all(guids.map(guid => cf.getDomain(guid)))
  return new Map(domains.map(domain => [domain.guid, domain.name]))
}
