import { CF_LANDSCAPE } from './identities.js'

/** What tenant-hub needs to know of the sandbox to bind to it like a CF app to its services. */
export interface AppBindingSources {
  xsuaa: object
  destination: object
  saasRegistry: object
  cfApi: string
  space: { guid: string; name: string }
  organization: { guid: string; name: string }
  srvApp: { guid: string; name: string }
}

/**
 * The environment CF gives tenant-hub's srv app, pointing at the sandbox: `VCAP_SERVICES` with the xsuaa,
 * destination and saas-registry bindings, and `VCAP_APPLICATION` with its space and route. With it,
 * `@sap/xssec`, the Cloud SDK and cds-mtxs run their real flows against the simulators.
 */
export function appEnvironment(sources: AppBindingSources): Record<string, string> {
  const binding = (label: string, name: string, plan: string, credentials: object, tags: string[] = [label]) => ({
    label,
    provider: null,
    plan,
    name,
    tags,
    instance_name: name,
    binding_name: null,
    credentials,
    syslog_drain_url: null,
    volume_mounts: []
  })
  const vcapServices = {
    xsuaa: [binding('xsuaa', 'tenant-hub-auth', 'application', sources.xsuaa)],
    destination: [binding('destination', 'tenant-hub-destination', 'lite', sources.destination, ['destination', 'conn', 'connsvc'])],
    'saas-registry': [binding('saas-registry', 'tenant-hub-registry', 'application', sources.saasRegistry, ['SaaS'])]
  }
  const uri = `${sources.srvApp.name}.${CF_LANDSCAPE.sharedDomain}`
  const vcapApplication = {
    application_id: sources.srvApp.guid,
    application_name: sources.srvApp.name,
    application_uris: [uri],
    uris: [uri],
    name: sources.srvApp.name,
    space_id: sources.space.guid,
    space_name: sources.space.name,
    organization_id: sources.organization.guid,
    organization_name: sources.organization.name,
    cf_api: sources.cfApi,
    limits: { mem: 512, disk: 1024, fds: 16384 }
  }
  return { VCAP_SERVICES: JSON.stringify(vcapServices), VCAP_APPLICATION: JSON.stringify(vcapApplication) }
}
