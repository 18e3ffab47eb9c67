import { CfApiError } from '../cf/index.js'

/** Refusals of AdminService's repairs; each carries the status and code the OData error shows. */

export class TenantNotFoundError extends Error {
  readonly status = 404
  readonly code = 'TENANT_NOT_FOUND'
  constructor(tenant: string) {
    super(`Tenant ${tenant} is not subscribed to tenant-hub (mtxs has no metadata for it).`)
    this.name = 'TenantNotFoundError'
  }
}

export class TenantBusyError extends Error {
  readonly status = 409
  readonly code = 'TENANT_OPERATION_IN_PROGRESS'
  constructor(tenant: string) {
    super(`An mtxs subscribe, upgrade or unsubscribe of tenant ${tenant} is under way; repair its route when it has ended.`)
    this.name = 'TenantBusyError'
  }
}

export class RouteNotRepairableError extends Error {
  readonly status = 409
  readonly code = 'ROUTE_NOT_REPAIRABLE'
  constructor(reason: string) {
    super(reason)
    this.name = 'RouteNotRepairableError'
  }
}

/**
 * CF answered with an error while AdminService read or repaired routes. The operator gets 502 with CF's own
 * words: CF's status (a 404 for a route, a 422 for a host) would read as a fault of the OData request.
 */
export class CfUpstreamError extends Error {
  readonly status = 502
  readonly code = 'CF_API_ERROR'
  constructor(cause: CfApiError) {
    super(cause.message, { cause })
    this.name = 'CfUpstreamError'
  }
}

/** The error an operator sees for `err`: CF's errors as 502, every other (typed) error as it is. */
export function forOperators(err: unknown): unknown {
  return err instanceof CfApiError ? new CfUpstreamError(err) : err
}
