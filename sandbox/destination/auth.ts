import { bearerToken, type SimRequest } from '../kernel/index.js'
import type { DestinationLevel } from './destination-types.js'
import { DestinationErrors } from './errors.js'

/** What the Destination service needs of XSUAA: its signature check and the client of the bound instance. */
export interface DestinationTrust {
  verifyToken(token: string): Record<string, unknown> | undefined
  clientId: string
  instanceId: string
}

/** Whom a request is for: the token's zone is the subaccount, the token's client the service instance. */
export interface Caller {
  subaccount: DestinationLevel
  instance: DestinationLevel
}

export function authenticateCaller(req: SimRequest, trust: DestinationTrust): Caller {
  const token = bearerToken(req)
  const claims = token ? trust.verifyToken(token) : undefined
  if (!claims || typeof claims.zid !== 'string') throw DestinationErrors.unparsableJwt()
  if (claims.cid !== trust.clientId) throw DestinationErrors.notDestinationClient()
  return {
    subaccount: { subaccountId: claims.zid },
    instance: { subaccountId: claims.zid, instanceId: trust.instanceId }
  }
}
