import { parseDestinationsMessage } from '../destination-messages.js'
import { CfErrors } from '../errors.js'
import { byFilter } from '../filters.js'
import type { Permissions } from '../permissions.js'
import type { CfHandler } from '../pipeline.js'
import { presentDestinations } from '../presenters.js'
import { parseQuery, type QuerySpec } from '../query.js'
import { ok, requestObject } from '../responses.js'
import type { CfStore, NewDestination, RouteRecord } from '../store.js'
import type { CfHandlerDeps } from './deps.js'
import { manageableRoute, readableRoute } from './routes.js'

const LIST_QUERY: QuerySpec = { keys: ['guids', 'app_guids'] }
const NOT_A_DESTINATION_OF_ROUTE = 'Unable to unmap route from destination. Ensure the route has a destination with this guid.'
const APP_IN_OTHER_SPACE = "Routes destinations must be in either the route's space or the route's shared spaces"

/** `GET /v3/routes/:guid/destinations[?guids=&app_guids=]` */
export function listDestinations({ store }: CfHandlerDeps): CfHandler {
  return (req, { permissions }) => {
    const query = parseQuery(req.rawQuery, LIST_QUERY)
    const route = readableRoute(store, permissions, req.params.guid)
    const destinations = route.destinations
      .filter(byFilter(query, 'guids', d => d.guid))
      .filter(byFilter(query, 'app_guids', d => d.appGuid))
    return ok(presentDestinations(route, destinations, req.baseUrl))
  }
}

/** `POST /v3/routes/:guid/destinations`: adds destinations, keeps the existing ones, answers the complete list. */
export function insertDestinations(deps: CfHandlerDeps): CfHandler {
  return updateDestinations(deps, 'insert')
}

/** `PATCH /v3/routes/:guid/destinations`: replaces all destinations. */
export function replaceDestinations(deps: CfHandlerDeps): CfHandler {
  return updateDestinations(deps, 'replace')
}

function updateDestinations({ store }: CfHandlerDeps, mode: 'insert' | 'replace'): CfHandler {
  return (req, { permissions }) => {
    const destinations = parseDestinationsMessage(requestObject(req), mode)
    const route = manageableRoute(store, permissions, req.params.guid)
    validateApps(store, permissions, route, destinations)
    const updated =
      mode === 'insert' ? store.insertDestinations(route.guid, destinations)! : store.replaceDestinations(route.guid, destinations)!
    return ok(presentDestinations(updated, updated.destinations, req.baseUrl))
  }
}

/** `DELETE /v3/routes/:guid/destinations/:destination_guid` → 204 */
export function removeDestination({ store }: CfHandlerDeps): CfHandler {
  return (req, { permissions }) => {
    const route = manageableRoute(store, permissions, req.params.guid)
    if (!store.removeDestination(route.guid, req.params.destination_guid)) throw CfErrors.unprocessable(NOT_A_DESTINATION_OF_ROUTE)
    return { status: 204 }
  }
}

/** CC's checks of the apps named in destinations: they exist, the caller can see them, they share the route's space. */
function validateApps(store: CfStore, permissions: Permissions, route: RouteRecord, destinations: readonly NewDestination[]): void {
  const guids = destinations.map(d => d.appGuid)
  const missing = guids.filter(guid => !store.app(guid))
  if (missing.length) throw CfErrors.unprocessable(`App(s) with guid(s) "${missing.join('", "')}" do not exist.`)
  const apps = guids.map(guid => store.app(guid)!)
  const unreadable = apps.filter(app => !permissions.canReadSpace(app.spaceGuid)).map(app => app.guid)
  if (unreadable.length) throw CfErrors.unprocessable(`App(s) with guid(s) "${unreadable.join('", "')}" you do not have access.`)
  if (apps.some(app => app.spaceGuid !== route.spaceGuid)) throw CfErrors.unprocessable(APP_IN_OTHER_SPACE)
}
