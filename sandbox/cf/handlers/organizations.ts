import { CfErrors } from '../errors.js'
import { byFilter, byLabelSelector } from '../filters.js'
import { ordered } from '../pagination.js'
import type { CfHandler } from '../pipeline.js'
import { presentOrganization } from '../presenters.js'
import { parseQuery, type QuerySpec } from '../query.js'
import { listResponse, ok } from '../responses.js'
import type { OrganizationRecord } from '../store.js'
import type { CfHandlerDeps } from './deps.js'

const LIST_QUERY: QuerySpec = { keys: ['names', 'label_selector'], list: { orderBy: ['created_at', 'updated_at', 'name'] } }
const ORDER_FIELDS = { created_at: (o: OrganizationRecord) => o.createdAt, updated_at: (o: OrganizationRecord) => o.updatedAt, name: (o: OrganizationRecord) => o.name }

/** `GET /v3/organizations`: the organizations the user is a member of. */
export function listOrganizations({ store }: CfHandlerDeps): CfHandler {
  return (req, { permissions }) => {
    const query = parseQuery(req.rawQuery, LIST_QUERY)
    const organizations = store
      .organizations()
      .filter(org => permissions.canReadOrganization(org.guid))
      .filter(byFilter(query, 'guids', org => org.guid))
      .filter(byFilter(query, 'names', org => org.name, true))
      .filter(byLabelSelector(query, org => org.metadata.labels))
    return listResponse(ordered(organizations, query, ORDER_FIELDS), query, `${req.baseUrl}/v3/organizations`, org => presentOrganization(org, req.baseUrl))
  }
}

/** `GET /v3/organizations/:guid` (404 `Organization not found` when unknown or not visible). */
export function getOrganization({ store }: CfHandlerDeps): CfHandler {
  return (req, { permissions }) => {
    parseQuery(req.rawQuery, { keys: [] })
    const org = store.organization(req.params.guid)
    if (!org || !permissions.canReadOrganization(org.guid)) throw CfErrors.resourceNotFound('Organization')
    return ok(presentOrganization(org, req.baseUrl))
  }
}
