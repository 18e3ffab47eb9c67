import { randomUUID } from 'node:crypto'
import { signJwt, type SigningKey } from '../kernel/index.js'
import type { UaaTokenResponse, UaaUser } from './uaa-types.js'

/** The public OAuth client of the cf CLI, which the Cloud Controller destination uses too. */
export const CF_CLIENT_ID = 'cf'

/** Scopes of a CF user without admin rights, in the order BTP's UAA lists them. */
const USER_SCOPES = ['openid', 'uaa.user', 'cloud_controller.read', 'password.write', 'cloud_controller.write']
const ACCESS_TOKEN_AUDIENCE = ['cloud_controller', 'password', 'cf', 'uaa', 'openid']
/** cf-deployment's `refresh-token-validity` for client `cf`. */
const REFRESH_TOKEN_VALIDITY_SECONDS = 2_592_000

export type UaaGrantType = 'password' | 'refresh_token'

interface RefreshTokenGrant {
  userId: string
  expiresAt: number
}

/** Issues CF UAA tokens for users and remembers the opaque refresh tokens it handed out. */
export class UaaTokenIssuer {
  readonly #signingKey: SigningKey
  readonly #lifetimeSeconds: number
  readonly #refreshTokens = new Map<string, RefreshTokenGrant>()

  constructor(signingKey: SigningKey, lifetimeSeconds: number) {
    this.#signingKey = signingKey
    this.#lifetimeSeconds = lifetimeSeconds
  }

  /**
   * The token endpoint's success body. A refresh grant gets its refresh token back unchanged (as BTP does);
   * a password grant gets a new one.
   */
  issue(user: UaaUser, grantType: UaaGrantType, uaaUrl: string, refreshToken?: string): UaaTokenResponse {
    const jti = hex32()
    const token = refreshToken ?? `${hex32()}-r`
    if (!refreshToken) {
      this.#refreshTokens.set(token, { userId: user.userId, expiresAt: Date.now() + REFRESH_TOKEN_VALIDITY_SECONDS * 1000 })
    }
    return {
      access_token: this.#sign(this.#accessTokenClaims(user, grantType, uaaUrl, jti)),
      token_type: 'bearer',
      id_token: this.#sign(this.#idTokenClaims(user, grantType, uaaUrl)),
      refresh_token: token,
      expires_in: this.#lifetimeSeconds,
      scope: USER_SCOPES.join(' '),
      jti
    }
  }

  /** An access token as a password grant would return it. */
  accessToken(user: UaaUser, uaaUrl: string): string {
    return this.#sign(this.#accessTokenClaims(user, 'password', uaaUrl, hex32()))
  }

  /** The user id a refresh token was issued to, while it is valid. */
  userIdOfRefreshToken(refreshToken: string): string | undefined {
    const grant = this.#refreshTokens.get(refreshToken)
    return grant && grant.expiresAt > Date.now() ? grant.userId : undefined
  }

  #sign(claims: object): string {
    return signJwt(claims, this.#signingKey)
  }

  #accessTokenClaims(user: UaaUser, grantType: UaaGrantType, uaaUrl: string, jti: string) {
    const iat = nowSeconds()
    return {
      jti,
      sub: user.userId,
      scope: USER_SCOPES,
      client_id: CF_CLIENT_ID,
      cid: CF_CLIENT_ID,
      azp: CF_CLIENT_ID,
      grant_type: grantType,
      user_id: user.userId,
      origin: user.origin,
      user_name: user.username,
      email: user.username,
      auth_time: iat,
      rev_sig: hex32().slice(0, 8),
      iat,
      exp: iat + this.#lifetimeSeconds,
      iss: `${uaaUrl}/oauth/token`,
      zid: 'uaa',
      aud: ACCESS_TOKEN_AUDIENCE,
      // the cf client has an empty secret, which UAA records as no client authentication
      client_auth_method: 'none'
    }
  }

  #idTokenClaims(user: UaaUser, grantType: UaaGrantType, uaaUrl: string) {
    const iat = nowSeconds()
    return {
      sub: user.userId,
      aud: [CF_CLIENT_ID],
      iss: `${uaaUrl}/oauth/token`,
      exp: iat + this.#lifetimeSeconds,
      iat,
      amr: ['pwd'],
      azp: CF_CLIENT_ID,
      scope: ['openid'],
      email: user.username,
      zid: 'uaa',
      origin: user.origin,
      jti: hex32(),
      email_verified: true,
      client_id: CF_CLIENT_ID,
      cid: CF_CLIENT_ID,
      grant_type: grantType,
      user_name: user.username,
      user_id: user.userId,
      auth_time: iat
    }
  }
}

function hex32(): string {
  return randomUUID().replaceAll('-', '')
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}
