import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { signJwt, verifyJwt, type SigningKey } from '../kernel/index.js'
import type { IssuedToken, OAuthClient, UserTokenRequest, Zone } from './xsuaa-types.js'

export interface TokenIssuerOptions {
  key: SigningKey
  /** `localhost:<port>`; known only once the server listens. */
  uaaDomain: () => string
  xsappname: string
  validitySeconds: number
}

/** Builds and signs tokens with the claims real XSUAA puts in them (RS256, `kid` of the published key). */
export class TokenIssuer {
  readonly #options: TokenIssuerOptions

  constructor(options: TokenIssuerOptions) {
    this.#options = options
  }

  clientCredentials(client: OAuthClient, zone: Zone): IssuedToken {
    const claims = {
      ...this.#common(client, zone, 'client_credentials', this.#options.validitySeconds),
      sub: client.clientId,
      authorities: client.authorities,
      scope: client.authorities,
      aud: audiences(client.clientId, client.authorities)
    }
    return this.#sign(claims)
  }

  /** A user token as the authorization-code flow of tenant-hub's own client (the approuter login) issues it. */
  user(client: OAuthClient, zone: Zone, request: UserTokenRequest): IssuedToken {
    const origin = request.origin ?? 'sap.default'
    const userId = stableUserId(zone, origin, request.userName)
    const scope = ['openid', ...request.scopes.map(name => `${this.#options.xsappname}.${name}`)]
    const common = this.#common(client, zone, 'authorization_code', request.expiresInSeconds ?? this.#options.validitySeconds)
    const claims = {
      ...common,
      sub: userId,
      user_id: userId,
      user_name: request.userName,
      origin,
      email: request.userName.includes('@') ? request.userName : `${request.userName}@example.com`,
      given_name: request.userName,
      family_name: request.userName,
      auth_time: common.iat,
      scope,
      'xs.user.attributes': request.attributes ?? {},
      'xs.system.attributes': { 'xs.rolecollections': [] },
      aud: audiences(client.clientId, scope)
    }
    return this.#sign(claims)
  }

  /** The claims of a token this issuer signed and that has not expired, else `undefined`. */
  verify(token: string): Record<string, unknown> | undefined {
    return verifyJwt(token, this.#options.key)
  }

  #common(client: OAuthClient, zone: Zone, grantType: string, validitySeconds: number) {
    const iat = Math.floor(Date.now() / 1000)
    return {
      jti: randomUUID().replaceAll('-', ''),
      ext_attr: { enhancer: 'XSUAA', subaccountid: zone.tenantId, zdn: zone.subdomain, serviceinstanceid: client.serviceInstanceId },
      client_id: client.clientId,
      cid: client.clientId,
      azp: client.clientId,
      grant_type: grantType,
      rev_sig: randomBytes(4).toString('hex'),
      iat,
      exp: iat + validitySeconds,
      // Not resolvable locally (no `*.localhost` resolution here); nothing resolves it: xssec checks no issuer.
      iss: `https://${zone.subdomain}.${this.#options.uaaDomain()}/oauth/token`,
      zid: zone.tenantId
    }
  }

  #sign(claims: Record<string, unknown> & { exp: number; iat: number }): IssuedToken {
    return { accessToken: signJwt(claims, this.#options.key), claims, expiresIn: claims.exp - claims.iat }
  }
}

/** XSUAA's `aud`: the client id plus every scope's prefix before its first dot (`tenant-hub!t1000.Viewer` → `tenant-hub!t1000`). */
function audiences(clientId: string, scopes: string[]): string[] {
  const prefixes = scopes.map(scope => scope.split('.')[0])
  return [...new Set([...prefixes, clientId])]
}

/** The same user in the same zone and origin always gets the same id, like a shadow user in XSUAA. */
function stableUserId(zone: Zone, origin: string, userName: string): string {
  const hex = createHash('sha256').update(`${zone.tenantId}|${origin}|${userName}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}
