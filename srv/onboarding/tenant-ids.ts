import cds from '@sap/cds'

/** BTP tenant ids are GUIDs; local tools use short ids like `t1`. Both are DNS-label-like. */
const TENANT_ID = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?$/

export class InvalidTenantIdError extends Error {
  readonly status = 400
  readonly code = 'INVALID_TENANT_ID'
  constructor(message: string) {
    super(message)
    this.name = 'InvalidTenantIdError'
  }
}

/**
 * Refuses provisioning calls for tenant ids that no subaccount can have, before mtxs deploys or removes anything:
 * malformed ids and mtxs' own metadata tenant (`t0`). (A payload naming another tenant cannot be seen: CAP's REST
 * adapter puts the URL key into the body, so the URL's tenant id is the one that counts.)
 */
export function refuseInvalidTenantIds(req: cds.Request): void {
  const inUrl = urlTenantOf(req)
  const t0 = (cds.env.requires.multitenancy as { t0?: string } | undefined)?.t0 ?? 't0'
  let problem: string | undefined
  if (typeof inUrl !== 'string' || !TENANT_ID.test(inUrl))
    problem = `Tenant id ${JSON.stringify(inUrl)} is invalid: use the subaccount's tenant id (letters, digits and "-", at most 64).`
  else if (inUrl === t0) problem = `Tenant id "${t0}" is reserved for tenant-hub's own metadata.`
  if (problem) req.reject(new InvalidTenantIdError(problem))
}

function urlTenantOf(req: cds.Request): unknown {
  const key = (req.params as unknown[] | undefined)?.[0]
  return key && typeof key === 'object' ? (key as { subscribedTenantId?: unknown }).subscribedTenantId : key
}
