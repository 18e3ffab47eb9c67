import { routeUrl } from './presenters.js'
import type { CfStore } from './store.js'

/** The sandbox control surface's JSON view of the landscape. */
export interface CfSnapshot {
  routes: Array<{ guid: string; host: string; url: string; domain: string; labels: Record<string, string>; appGuids: string[]; spaceGuid: string }>
  jobs: Array<{ guid: string; operation: string; state: string; routeGuid: string }>
  apps: Array<{ guid: string; name: string; spaceGuid: string; state: string }>
  spaces: Array<{ guid: string; name: string; organizationGuid: string }>
  domains: Array<{ guid: string; name: string }>
  orgs: Array<{ guid: string; name: string }>
}

export function cfSnapshot(store: CfStore): CfSnapshot {
  return {
    routes: store.routes().map(route => {
      const domain = store.domain(route.domainGuid)!.name
      return {
        guid: route.guid,
        host: route.host,
        url: routeUrl(route, domain),
        domain,
        labels: route.metadata.labels,
        appGuids: [...new Set(route.destinations.map(d => d.appGuid))],
        spaceGuid: route.spaceGuid
      }
    }),
    jobs: store.jobs().map(job => ({ guid: job.guid, operation: job.operation, state: job.state, routeGuid: job.resource.guid })),
    apps: store.apps().map(app => ({ guid: app.guid, name: app.name, spaceGuid: app.spaceGuid, state: app.state })),
    spaces: store.spaces().map(space => ({ guid: space.guid, name: space.name, organizationGuid: space.organizationGuid })),
    domains: store.domains().map(domain => ({ guid: domain.guid, name: domain.name })),
    orgs: store.organizations().map(org => ({ guid: org.guid, name: org.name }))
  }
}
