import { CfErrors } from '../errors.js'
import { byFilter, byLabelSelector, distinct } from '../filters.js'
import { ordered } from '../pagination.js'
import type { CfHandler } from '../pipeline.js'
import { presentApp, presentOrganization, presentSpace } from '../presenters.js'
import { parseQuery, type QuerySpec } from '../query.js'
import { listResponse, ok } from '../responses.js'
import type { AppRecord } from '../store.js'
import type { CfHandlerDeps } from './deps.js'
import { routeList } from './routes.js'

const LIST_QUERY: QuerySpec = {
  keys: ['names', 'space_guids', 'organization_guids', 'stacks', 'include', 'lifecycle_type', 'label_selector'],
  unsupported: ['stacks', 'lifecycle_type'],
  includes: ['space', 'space.organization'],
  list: { orderBy: ['created_at', 'updated_at', 'name', 'state'] }
}
const SHOW_QUERY: QuerySpec = { keys: ['include'], unsupported: ['include'] }
const ORDER_FIELDS = {
  created_at: (a: AppRecord) => a.createdAt,
  updated_at: (a: AppRecord) => a.updatedAt,
  name: (a: AppRecord) => a.name,
  state: (a: AppRecord) => a.state
}

/** `GET /v3/apps`: apps in the spaces the user has a role in. */
export function listApps({ store }: CfHandlerDeps): CfHandler {
  return (req, { permissions }) => {
    const query = parseQuery(req.rawQuery, LIST_QUERY)
    const organizationOf = (app: AppRecord) => store.space(app.spaceGuid)!.organizationGuid
    const apps = store
      .apps()
      .filter(app => permissions.canReadSpace(app.spaceGuid))
      .filter(byFilter(query, 'guids', app => app.guid))
      .filter(byFilter(query, 'names', app => app.name, true))
      .filter(byFilter(query, 'space_guids', app => app.spaceGuid))
      .filter(byFilter(query, 'organization_guids', organizationOf))
      .filter(byLabelSelector(query, app => app.metadata.labels))
    return listResponse(ordered(apps, query, ORDER_FIELDS), query, `${req.baseUrl}/v3/apps`, app => presentApp(app, req.baseUrl), page => {
      const spaces = distinct(page, app => app.spaceGuid).map(app => store.space(app.spaceGuid)!)
      return {
        spaces: spaces.map(space => presentSpace(space, req.baseUrl)),
        ...(query.include.includes('space.organization')
          ? { organizations: distinct(spaces, s => s.organizationGuid).map(s => presentOrganization(store.organization(s.organizationGuid)!, req.baseUrl)) }
          : {})
      }
    })
  }
}

/** `GET /v3/apps/:guid` (404 `App not found`). */
export function getApp({ store }: CfHandlerDeps): CfHandler {
  return (req, caller) => {
    parseQuery(req.rawQuery, SHOW_QUERY)
    const app = store.app(req.params.guid)
    if (!app || !caller.permissions.canReadSpace(app.spaceGuid)) throw CfErrors.resourceNotFound('App')
    return ok(presentApp(app, req.baseUrl))
  }
}

/** `GET /v3/apps/:guid/routes`: the routes list narrowed to the app (404 `App not found`). */
export function listAppRoutes({ store }: CfHandlerDeps): CfHandler {
  return (req, caller) => routeList(req, caller, store, `/v3/apps/${req.params.guid}/routes`, req.params.guid)
}
