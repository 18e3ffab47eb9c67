import { Router } from '../kernel/index.js'
import { getApp, listAppRoutes, listApps } from './handlers/apps.js'
import type { CfHandlerDeps } from './handlers/deps.js'
import { insertDestinations, listDestinations, removeDestination, replaceDestinations } from './handlers/destinations.js'
import { getDomain, getRouteReservations, listDomains } from './handlers/domains.js'
import { getJob } from './handlers/jobs.js'
import { getOrganization, listOrganizations } from './handlers/organizations.js'
import { globalRoot, v3Info, v3Root } from './handlers/root.js'
import { createRoute, deleteRoute, getRoute, listRoutes, updateRoute } from './handlers/routes.js'
import { getSpace, listSpaces } from './handlers/spaces.js'
import type { CfPipeline } from './pipeline.js'

/** Every endpoint of the CF API simulator; anything else is CC's 404 `Unknown request`. */
export function cfRouter(pipeline: CfPipeline, deps: CfHandlerDeps): Router {
  const open = pipeline.anonymous.bind(pipeline)
  const auth = pipeline.authenticated.bind(pipeline)
  return new Router()
    .get('/', open(globalRoot(deps)))
    .get('/v3', open(v3Root()))
    .get('/v3/info', open(v3Info(deps)))
    .get('/v3/organizations', auth(listOrganizations(deps)))
    .get('/v3/organizations/:guid', auth(getOrganization(deps)))
    .get('/v3/spaces', auth(listSpaces(deps)))
    .get('/v3/spaces/:guid', auth(getSpace(deps)))
    .get('/v3/domains', auth(listDomains(deps)))
    .get('/v3/domains/:guid', auth(getDomain(deps)))
    .get('/v3/domains/:guid/route_reservations', auth(getRouteReservations(deps)))
    .get('/v3/apps', auth(listApps(deps)))
    .get('/v3/apps/:guid', auth(getApp(deps)))
    .get('/v3/apps/:guid/routes', auth(listAppRoutes(deps)))
    .get('/v3/routes', auth(listRoutes(deps)))
    .post('/v3/routes', auth(createRoute(deps)))
    .get('/v3/routes/:guid', auth(getRoute(deps)))
    .patch('/v3/routes/:guid', auth(updateRoute(deps)))
    .delete('/v3/routes/:guid', auth(deleteRoute(deps)))
    .get('/v3/routes/:guid/destinations', auth(listDestinations(deps)))
    .post('/v3/routes/:guid/destinations', auth(insertDestinations(deps)))
    .patch('/v3/routes/:guid/destinations', auth(replaceDestinations(deps)))
    .delete('/v3/routes/:guid/destinations/:destination_guid', auth(removeDestination(deps)))
    .get('/v3/jobs/:guid', auth(getJob(deps)))
}
