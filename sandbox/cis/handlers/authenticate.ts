import { bearerToken, type SimRequest } from '../../kernel/index.js'
import type { AccessTokens } from '../access-tokens.js'
import { cisErrors } from '../errors.js'
import type { CisStore, GlobalAccountRecord } from '../store.js'

/** Resolves a request to the global account its bearer token belongs to, or refuses it with 401. */
export type Authenticate = (req: SimRequest) => GlobalAccountRecord

export function bearerAuthenticator(tokens: AccessTokens, store: CisStore): Authenticate {
  return req => {
    const globalAccountGuid = tokens.globalAccountOf(bearerToken(req))
    const globalAccount = globalAccountGuid ? store.globalAccount(globalAccountGuid) : undefined
    if (!globalAccount) throw cisErrors.unauthorized()
    return globalAccount
  }
}
