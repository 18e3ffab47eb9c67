import { bearerToken, verifyJwt, type SigningKey, type SimRequest } from '../kernel/index.js'
import type { CfUserConfig } from './config.js'
import { CfErrors } from './errors.js'

/** The CC user a request acts as. */
export type CfIdentity = Pick<CfUserConfig, 'guid' | 'username' | 'spaceRoles'>

/**
 * The CC user behind a request's bearer token: none → 401 CF-NotAuthenticated (10002); a token that is
 * malformed, expired or not signed by the UAA → 401 CF-InvalidAuthToken (1000). A valid token of a user the
 * sandbox has no roles for is a user without roles, as CC creates users on first sight.
 */
export function authenticatedUser(req: SimRequest, uaaKey: SigningKey, users: readonly CfUserConfig[]): CfIdentity {
  const token = bearerToken(req)
  if (!token) throw CfErrors.notAuthenticated()
  const claims = verifyJwt(token, uaaKey)
  if (!claims || typeof claims.user_id !== 'string') throw CfErrors.invalidAuthToken()
  const userId = claims.user_id
  return users.find(user => user.guid === userId) ?? { guid: userId, username: String(claims.user_name ?? userId), spaceRoles: [] }
}
