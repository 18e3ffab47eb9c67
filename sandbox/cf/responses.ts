import { jsonBody, type SimRequest, type SimResponse } from '../kernel/index.js'
import { CfErrors } from './errors.js'
import { paginate } from './pagination.js'
import type { ParsedQuery } from './query.js'
import { isObject } from './json-object.js'

export function ok(body: object, status = 200): SimResponse {
  return { status, body }
}

/** A paginated list; `included` (for `include=…`) is built from the resources of the page. */
export function listResponse<T>(
  items: readonly T[],
  query: ParsedQuery,
  collectionUrl: string,
  present: (item: T) => object,
  included?: (page: readonly T[]) => Record<string, object[]>
): SimResponse {
  const { pagination, resources } = paginate(items, query, collectionUrl)
  return ok({ pagination, resources: resources.map(present), ...(included && query.include.length ? { included: included(resources) } : {}) })
}

/** The JSON object of a request body; no body counts as `{}`, anything that is not a JSON object as a parse error. */
export function requestObject(req: SimRequest): Record<string, unknown> {
  if (req.rawBody.length === 0) return {}
  const body = jsonBody(req)
  if (!isObject(body)) throw CfErrors.invalidRequestBody()
  return body
}
