import { CfErrors } from '../errors.js'
import { byFilter, byLabelSelector, distinct } from '../filters.js'
import { ordered } from '../pagination.js'
import type { CfHandler } from '../pipeline.js'
import { presentOrganization, presentSpace } from '../presenters.js'
import { parseQuery, type QuerySpec } from '../query.js'
import { listResponse, ok } from '../responses.js'
import type { SpaceRecord } from '../store.js'
import type { CfHandlerDeps } from './deps.js'

const LIST_QUERY: QuerySpec = {
  keys: ['names', 'organization_guids', 'include', 'label_selector'],
  includes: ['organization'],
  list: { orderBy: ['created_at', 'updated_at', 'name'] }
}
const ORDER_FIELDS = { created_at: (s: SpaceRecord) => s.createdAt, updated_at: (s: SpaceRecord) => s.updatedAt, name: (s: SpaceRecord) => s.name }

/** `GET /v3/spaces`: the spaces the user has a role in. */
export function listSpaces({ store }: CfHandlerDeps): CfHandler {
  return (req, { permissions }) => {
    const query = parseQuery(req.rawQuery, LIST_QUERY)
    const spaces = store
      .spaces()
      .filter(space => permissions.canReadSpace(space.guid))
      .filter(byFilter(query, 'guids', space => space.guid))
      .filter(byFilter(query, 'names', space => space.name, true))
      .filter(byFilter(query, 'organization_guids', space => space.organizationGuid))
      .filter(byLabelSelector(query, space => space.metadata.labels))
    return listResponse(
      ordered(spaces, query, ORDER_FIELDS),
      query,
      `${req.baseUrl}/v3/spaces`,
      space => presentSpace(space, req.baseUrl),
      page => ({
        organizations: distinct(page, space => space.organizationGuid).map(space =>
          presentOrganization(store.organization(space.organizationGuid)!, req.baseUrl)
        )
      })
    )
  }
}

/** `GET /v3/spaces/:guid` (404 `Space not found` when unknown or not visible). */
export function getSpace({ store }: CfHandlerDeps): CfHandler {
  return (req, { permissions }) => {
    parseQuery(req.rawQuery, { keys: [] })
    const space = store.space(req.params.guid)
    if (!space || !permissions.canReadSpace(space.guid)) throw CfErrors.resourceNotFound('Space')
    return ok(presentSpace(space, req.baseUrl))
  }
}
