import type { CfStore, DomainRecord, SpaceRecord } from './store.js'

/**
 * CC's `Route` model validations as `RouteCreate` reports them (first failing check wins, in CC's order).
 * Uniqueness is global: hostnames on a shared domain are one namespace across every org and space.
 */

const MAX_FQDN_LENGTH = 253
/** `Route.validate_path`: the path must form a valid URI together with the host. */
const URI_PATH = /^(\/[\w\-.~!$&'()*+,;=:@%]*)*$/

export interface RouteCandidate {
  host: string
  path: string
  space: SpaceRecord
  domain: DomainRecord
}

/** The 422 detail for a route that cannot be created, or `undefined`. */
export function routeConflict(store: CfStore, { host, path, space, domain }: RouteCandidate): string | undefined {
  const routes = store.routes().filter(r => r.domainGuid === domain.guid)
  const shared = domain.organizationGuid === null

  if (host && store.domains().some(d => d.name === `${host}.${domain.name}`)) return `Route conflicts with domain '${host}.${domain.name}'.`
  if (shared && !host) return 'Missing host. Routes in shared domains must have a host defined.'
  if ((host ? host.length + 1 : 0) + domain.name.length > MAX_FQDN_LENGTH) {
    return `Host combined with domain name must be no more than ${MAX_FQDN_LENGTH} characters.`
  }
  if (!path && routes.some(r => r.host === host && r.path === '')) {
    return host ? `Route already exists with host '${host}' for domain '${domain.name}'.` : `Route already exists for domain '${domain.name}'.`
  }
  if (path && !URI_PATH.test(path)) return 'Path is invalid.'
  if (path && routes.some(r => r.host === host && r.path === path)) {
    return host
      ? `Route already exists with host '${host}' and path '${path}' for domain '${domain.name}'.`
      : `Route already exists with path '${path}' for domain '${domain.name}'.`
  }
  if (shared && routes.some(r => r.host === host && r.spaceGuid !== space.guid)) {
    // CC has no message for this Sequel error and reports the raw validation text
    return 'domain_id and host host_and_domain_taken_different_space'
  }
  return undefined
}
