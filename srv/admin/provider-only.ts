import cds from '@sap/cds'
import { providerTenant } from '../tenancy/provider-tenant.js'

/** Status, code and message of a refusal, as `req.reject` and the OData error body take them. */
export interface Refusal {
  status: 403
  code: 'PROVIDER_ONLY' | 'PROVIDER_TENANT_UNKNOWN'
  message: string
}

/**
 * AdminService is for operators of the provider subaccount. The `Admin` scope alone does not say so: a consumer
 * subaccount can assign tenant-hub's role collections to its own users too. So the caller's tenant (the token's
 * identity zone) must also be the provider's.
 */
export function refusalFor(tenant: string | undefined): Refusal | undefined {
  const provider = providerTenant()
  if (!provider)
    return {
      status: 403,
      code: 'PROVIDER_TENANT_UNKNOWN',
      message: 'tenant-hub cannot tell the provider tenant: it has no XSUAA binding, so AdminService serves nobody.'
    }
  if (tenant !== provider) return { status: 403, code: 'PROVIDER_ONLY', message: 'AdminService is only for operators of the provider subaccount.' }
  return undefined
}

interface HttpRequest {
  baseUrl: string
}
type Next = (err?: unknown) => void

/**
 * The same rule for what reaches AdminService's HTTP endpoint without being dispatched to the service
 * (`$metadata`, the service document). Runs after authentication; anonymous callers pass on to CAP's
 * role check, which asks them to log in (401).
 */
export function providerOnlyMiddleware(): (req: HttpRequest, res: unknown, next: Next) => void {
  return function providerOnly(req, _res, next) {
    // `path` is set when the protocol adapter mounts the service; cds-types does not declare it.
    const adminPath = (cds.services.AdminService as { path?: string } | undefined)?.path
    if (!adminPath || req.baseUrl !== adminPath || !cds.context?.user?.is('authenticated-user')) return next()
    const refusal = refusalFor(cds.context?.tenant)
    if (!refusal) return next()
    next(Object.assign(new Error(refusal.message), refusal))
  }
}
