import { CfErrors } from '../errors.js'
import { byFilter, byLabelSelector } from '../filters.js'
import { ordered } from '../pagination.js'
import type { CfCaller, CfHandler } from '../pipeline.js'
import { presentDomain } from '../presenters.js'
import { parseQuery, type QuerySpec } from '../query.js'
import { listResponse, ok } from '../responses.js'
import type { DomainRecord } from '../store.js'
import type { CfHandlerDeps } from './deps.js'

const LIST_QUERY: QuerySpec = { keys: ['names', 'organization_guids', 'label_selector'], list: { orderBy: ['created_at', 'updated_at'] } }
const ORDER_FIELDS = { created_at: (d: DomainRecord) => d.createdAt, updated_at: (d: DomainRecord) => d.updatedAt }
const RESERVATION_QUERY: QuerySpec = { keys: ['host', 'path', 'port'], unsupported: ['port'] }

/** `GET /v3/domains`: shared domains and the private domains of the user's organizations. */
export function listDomains({ store }: CfHandlerDeps): CfHandler {
  return (req, { permissions }) => {
    const query = parseQuery(req.rawQuery, LIST_QUERY)
    const domains = store
      .domains()
      .filter(domain => permissions.canReadDomain(domain))
      .filter(byFilter(query, 'guids', domain => domain.guid))
      .filter(byFilter(query, 'names', domain => domain.name, true))
      .filter(byFilter(query, 'organization_guids', domain => (domain.organizationGuid ? [domain.organizationGuid] : [])))
      .filter(byLabelSelector(query, domain => domain.metadata.labels))
    return listResponse(ordered(domains, query, ORDER_FIELDS), query, `${req.baseUrl}/v3/domains`, domain => presentDomain(domain, req.baseUrl))
  }
}

/** `GET /v3/domains/:guid` (404 `Domain not found`). */
export function getDomain(deps: CfHandlerDeps): CfHandler {
  return (req, caller) => {
    parseQuery(req.rawQuery, { keys: [] })
    return ok(presentDomain(readableDomain(deps, caller, req.params.guid), req.baseUrl))
  }
}

/** `GET /v3/domains/:guid/route_reservations?host=&path=`: whether a route with that host and path exists anywhere. */
export function getRouteReservations(deps: CfHandlerDeps): CfHandler {
  return (req, caller) => {
    const query = parseQuery(req.rawQuery, RESERVATION_QUERY)
    const domain = readableDomain(deps, caller, req.params.guid)
    // host and path are single values; a comma belongs to the value
    const host = query.filters.get('host')?.join(',') ?? ''
    const path = query.filters.get('path')?.join(',') ?? ''
    const matching = deps.store.routes().some(r => r.domainGuid === domain.guid && r.host === host && r.path === path)
    return ok({ matching_route: matching })
  }
}

function readableDomain({ store }: CfHandlerDeps, { permissions }: CfCaller, guid: string): DomainRecord {
  const domain = store.domain(guid)
  if (!domain || !permissions.canReadDomain(domain)) throw CfErrors.resourceNotFound('Domain')
  return domain
}
