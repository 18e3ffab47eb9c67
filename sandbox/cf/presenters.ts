import type { AppRecord, DestinationRecord, DomainRecord, JobRecord, OrganizationRecord, RouteRecord, SpaceRecord } from './store.js'

/**
 * Wire shapes of CC 3.159 as BTP serves it (`datasource_*.yaml` / `resource_route_crud.yaml` recordings):
 * routes without `options`, destinations without timestamps, spaces without `suspended`.
 */

const href = (url: string) => ({ href: url })

/** `host.domain/path`, no scheme; the domain alone when the host is empty. */
export function routeUrl(route: Pick<RouteRecord, 'host' | 'path'>, domainName: string): string {
  return `${route.host ? `${route.host}.` : ''}${domainName}${route.path}`
}

export function presentRoute(route: RouteRecord, domain: DomainRecord, baseUrl: string) {
  const self = `${baseUrl}/v3/routes/${route.guid}`
  return {
    guid: route.guid,
    created_at: route.createdAt,
    updated_at: route.updatedAt,
    protocol: 'http',
    host: route.host,
    path: route.path,
    port: null,
    url: routeUrl(route, domain.name),
    destinations: route.destinations.map(presentDestination),
    metadata: route.metadata,
    relationships: {
      space: { data: { guid: route.spaceGuid } },
      domain: { data: { guid: route.domainGuid } }
    },
    links: {
      self: href(self),
      space: href(`${baseUrl}/v3/spaces/${route.spaceGuid}`),
      destinations: href(`${self}/destinations`),
      domain: href(`${baseUrl}/v3/domains/${route.domainGuid}`)
    }
  }
}

export function presentDestination(destination: DestinationRecord) {
  return {
    guid: destination.guid,
    app: { guid: destination.appGuid, process: { type: destination.processType } },
    weight: null,
    port: destination.port,
    protocol: destination.protocol
  }
}

export function presentDestinations(route: RouteRecord, destinations: readonly DestinationRecord[], baseUrl: string) {
  const routeHref = `${baseUrl}/v3/routes/${route.guid}`
  return {
    destinations: destinations.map(presentDestination),
    links: { self: href(`${routeHref}/destinations`), route: href(routeHref) }
  }
}

export function presentDomain(domain: DomainRecord, baseUrl: string) {
  const self = `${baseUrl}/v3/domains/${domain.guid}`
  return {
    guid: domain.guid,
    created_at: domain.createdAt,
    updated_at: domain.updatedAt,
    name: domain.name,
    internal: domain.internal,
    router_group: null,
    supported_protocols: ['http'],
    relationships: {
      organization: { data: domain.organizationGuid ? { guid: domain.organizationGuid } : null },
      shared_organizations: { data: [] }
    },
    metadata: domain.metadata,
    links: { self: href(self), route_reservations: href(`${self}/route_reservations`) }
  }
}

export function presentApp(app: AppRecord, baseUrl: string) {
  const self = `${baseUrl}/v3/apps/${app.guid}`
  return {
    guid: app.guid,
    created_at: app.createdAt,
    updated_at: app.updatedAt,
    name: app.name,
    state: app.state,
    lifecycle: { type: app.lifecycle.type, data: { buildpacks: app.lifecycle.buildpacks, stack: app.lifecycle.stack } },
    relationships: { space: { data: { guid: app.spaceGuid } } },
    metadata: app.metadata,
    links: {
      self: href(self),
      environment_variables: href(`${self}/environment_variables`),
      space: href(`${baseUrl}/v3/spaces/${app.spaceGuid}`),
      processes: href(`${self}/processes`),
      packages: href(`${self}/packages`),
      current_droplet: href(`${self}/droplets/current`),
      droplets: href(`${self}/droplets`),
      tasks: href(`${self}/tasks`),
      start: { href: `${self}/actions/start`, method: 'POST' },
      stop: { href: `${self}/actions/stop`, method: 'POST' },
      revisions: href(`${self}/revisions`),
      deployed_revisions: href(`${self}/revisions/deployed`),
      features: href(`${self}/features`)
    }
  }
}

export function presentSpace(space: SpaceRecord, baseUrl: string) {
  const self = `${baseUrl}/v3/spaces/${space.guid}`
  return {
    guid: space.guid,
    created_at: space.createdAt,
    updated_at: space.updatedAt,
    name: space.name,
    relationships: { organization: { data: { guid: space.organizationGuid } }, quota: { data: null } },
    metadata: space.metadata,
    links: {
      self: href(self),
      organization: href(`${baseUrl}/v3/organizations/${space.organizationGuid}`),
      features: href(`${self}/features`),
      apply_manifest: { href: `${self}/actions/apply_manifest`, method: 'POST' }
    }
  }
}

export function presentOrganization(org: OrganizationRecord, baseUrl: string) {
  const self = `${baseUrl}/v3/organizations/${org.guid}`
  return {
    guid: org.guid,
    created_at: org.createdAt,
    updated_at: org.updatedAt,
    name: org.name,
    suspended: org.suspended,
    relationships: { quota: { data: { guid: org.quotaGuid } } },
    metadata: org.metadata,
    links: {
      self: href(self),
      domains: href(`${self}/domains`),
      default_domain: href(`${self}/domains/default`),
      quota: href(`${baseUrl}/v3/organization_quotas/${org.quotaGuid}`)
    }
  }
}

/** A job links to the resource it works on while that resource exists (CC `JobPresenter`). */
export function presentJob(job: JobRecord, baseUrl: string, resourceExists: boolean) {
  return {
    guid: job.guid,
    created_at: job.createdAt,
    updated_at: job.updatedAt,
    operation: job.operation,
    state: job.state,
    errors: [],
    warnings: [],
    links: {
      self: href(`${baseUrl}/v3/jobs/${job.guid}`),
      ...(resourceExists ? { [job.resource.type]: href(`${baseUrl}/v3/${job.resource.type}s/${job.resource.guid}`) } : {})
    }
  }
}
