import type { SimRequest, SimResponse } from '../../kernel/index.js'
import { CfErrors } from '../errors.js'
import { byFilter, byLabelSelector, distinct } from '../filters.js'
import { newMetadata, updatedMetadata } from '../metadata.js'
import { ordered } from '../pagination.js'
import type { Permissions } from '../permissions.js'
import type { CfCaller, CfHandler } from '../pipeline.js'
import { presentDomain, presentOrganization, presentRoute, presentSpace } from '../presenters.js'
import { parseQuery, type QuerySpec } from '../query.js'
import { routeConflict } from '../route-conflicts.js'
import { parseRouteCreateMessage, validateRouteUpdateMessage } from '../route-messages.js'
import { listResponse, ok, requestObject } from '../responses.js'
import type { CfStore, RouteRecord } from '../store.js'
import type { CfHandlerDeps } from './deps.js'

const INCLUDES = ['domain', 'space', 'space.organization']
/** CC's `RoutesListMessage`; also used by `GET /v3/apps/:guid/routes`. */
const LIST_QUERY: QuerySpec = {
  keys: ['hosts', 'space_guids', 'organization_guids', 'domain_guids', 'paths', 'app_guids', 'include', 'label_selector', 'ports', 'service_instance_guids'],
  unsupported: ['ports', 'service_instance_guids'],
  includes: INCLUDES,
  list: { orderBy: ['created_at', 'updated_at'] }
}
const SHOW_QUERY: QuerySpec = { keys: ['include'], includes: INCLUDES }
const ORDER_FIELDS = { created_at: (r: RouteRecord) => r.createdAt, updated_at: (r: RouteRecord) => r.updatedAt }

const INVALID_SPACE = 'Invalid space. Ensure that the space exists and you have access to it.'
const INVALID_DOMAIN = 'Invalid domain. Ensure that the domain exists and you have access to it.'
const WILDCARD_ON_SHARED_DOMAIN =
  'You do not have sufficient permissions to create a route with a wildcard host on a domain not scoped to an organization.'
const PORT_ON_HTTP_ROUTE = "Routes with protocol 'http' do not support ports."

/** `GET /v3/routes` */
export function listRoutes({ store }: CfHandlerDeps): CfHandler {
  return (req, caller) => routeList(req, caller, store, '/v3/routes')
}

/** A route list over the routes the caller can read; `appGuid` narrows it to one app's routes (404 `App not found`). */
export function routeList(req: SimRequest, { permissions }: CfCaller, store: CfStore, path: string, appGuid?: string): SimResponse {
  const query = parseQuery(req.rawQuery, LIST_QUERY)
  if (appGuid !== undefined) {
    const app = store.app(appGuid)
    if (!app || !permissions.canReadSpace(app.spaceGuid)) throw CfErrors.resourceNotFound('App')
    // CC merges the app into the list message, so its links carry `app_guids` too
    query.filters.set('app_guids', [appGuid])
    query.linkParams.set('app_guids', appGuid)
  }
  const organizationOf = (route: RouteRecord) => store.space(route.spaceGuid)!.organizationGuid
  const routes = store
    .routes()
    .filter(route => permissions.canReadSpace(route.spaceGuid))
    .filter(byFilter(query, 'guids', route => route.guid))
    .filter(byFilter(query, 'hosts', route => route.host))
    .filter(byFilter(query, 'paths', route => route.path))
    .filter(byFilter(query, 'space_guids', route => route.spaceGuid))
    .filter(byFilter(query, 'domain_guids', route => route.domainGuid))
    .filter(byFilter(query, 'organization_guids', organizationOf))
    .filter(byFilter(query, 'app_guids', route => route.destinations.map(d => d.appGuid)))
    .filter(byLabelSelector(query, route => route.metadata.labels))
  return listResponse(
    ordered(routes, query, ORDER_FIELDS),
    query,
    `${req.baseUrl}${path}`,
    route => presentRouteIn(store, route, req.baseUrl),
    page => included(store, page, query.include, req.baseUrl)
  )
}

/** `GET /v3/routes/:guid[?include=…]` */
export function getRoute({ store }: CfHandlerDeps): CfHandler {
  return (req, { permissions }) => {
    const query = parseQuery(req.rawQuery, SHOW_QUERY)
    const route = readableRoute(store, permissions, req.params.guid)
    const body = presentRouteIn(store, route, req.baseUrl)
    return ok(query.include.length ? { ...body, included: included(store, [route], query.include, req.baseUrl) } : body)
  }
}

/** `POST /v3/routes` with CC's validation order: body → space/domain exist → permission → route rules. */
export function createRoute({ store }: CfHandlerDeps): CfHandler {
  return (req, { permissions }) => {
    const message = parseRouteCreateMessage(requestObject(req))
    const space = message.spaceGuid === undefined ? undefined : store.space(message.spaceGuid)
    if (!space) throw CfErrors.unprocessable(INVALID_SPACE)
    const domain = message.domainGuid === undefined ? undefined : store.domain(message.domainGuid)
    if (!domain) throw CfErrors.unprocessable(INVALID_DOMAIN)
    if (!permissions.canManageSpace(space.guid)) throw CfErrors.notAuthorized()
    if (domain.organizationGuid === null && message.host === '*') throw CfErrors.unprocessable(WILDCARD_ON_SHARED_DOMAIN)
    if (message.port !== undefined && message.port !== null) throw CfErrors.unprocessable(PORT_ON_HTTP_ROUTE)
    const conflict = routeConflict(store, { host: message.host, path: message.path, space, domain })
    if (conflict) throw CfErrors.unprocessable(conflict)
    const route = store.createRoute({
      host: message.host,
      path: message.path,
      spaceGuid: space.guid,
      domainGuid: domain.guid,
      metadata: newMetadata(message.metadata)
    })
    return ok(presentRoute(route, domain, req.baseUrl), 201)
  }
}

/** `PATCH /v3/routes/:guid`: metadata updates (`null` removes a label). */
export function updateRoute({ store }: CfHandlerDeps): CfHandler {
  return (req, { permissions }) => {
    const body = requestObject(req)
    validateRouteUpdateMessage(body)
    const route = manageableRoute(store, permissions, req.params.guid)
    const updated = store.setRouteMetadata(route.guid, updatedMetadata(route.metadata, body.metadata))!
    return ok(presentRouteIn(store, updated, req.baseUrl))
  }
}

/** `DELETE /v3/routes/:guid`: 202 with an empty `text/html` body and the job in `Location`. */
export function deleteRoute({ store, jobs }: CfHandlerDeps): CfHandler {
  return (req, { permissions }) => {
    parseQuery(req.rawQuery, { keys: [] })
    const route = manageableRoute(store, permissions, req.params.guid)
    const job = jobs.enqueue(route.guid)
    return { status: 202, headers: { 'content-type': 'text/html', location: `${req.baseUrl}/v3/jobs/${job.guid}` }, body: '' }
  }
}

/** The route if the caller may read it, else 404 `Route not found` (CC does not reveal unreadable routes). */
export function readableRoute(store: CfStore, permissions: Permissions, guid: string): RouteRecord {
  const route = store.route(guid)
  if (!route || !permissions.canReadSpace(route.spaceGuid)) throw CfErrors.resourceNotFound('Route')
  return route
}

/** A readable route the caller may also change, else 403 CF-NotAuthorized. */
export function manageableRoute(store: CfStore, permissions: Permissions, guid: string): RouteRecord {
  const route = readableRoute(store, permissions, guid)
  if (!permissions.canManageSpace(route.spaceGuid)) throw CfErrors.notAuthorized()
  return route
}

function presentRouteIn(store: CfStore, route: RouteRecord, baseUrl: string) {
  return presentRoute(route, store.domain(route.domainGuid)!, baseUrl)
}

/** `included` for `include=domain|space|space.organization` (the last one also includes the spaces). */
function included(store: CfStore, routes: readonly RouteRecord[], include: readonly string[], baseUrl: string): Record<string, object[]> {
  const result: Record<string, object[]> = {}
  if (include.includes('domain')) {
    result.domains = distinct(routes, r => r.domainGuid).map(r => presentDomain(store.domain(r.domainGuid)!, baseUrl))
  }
  const spaces = distinct(routes, r => r.spaceGuid).map(r => store.space(r.spaceGuid)!)
  if (include.includes('space') || include.includes('space.organization')) result.spaces = spaces.map(s => presentSpace(s, baseUrl))
  if (include.includes('space.organization')) {
    result.organizations = distinct(spaces, s => s.organizationGuid).map(s => presentOrganization(store.organization(s.organizationGuid)!, baseUrl))
  }
  return result
}
