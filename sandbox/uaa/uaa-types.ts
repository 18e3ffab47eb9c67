import type { SigningKey } from '../kernel/index.js'

/** A user the UAA can authenticate with the password grant. */
export interface UaaUser {
  username: string
  password: string
  /** Identity-provider origin key (`uaa`, `<tenant>-platform`, ...). */
  origin: string
  userId: string
}

export interface UaaSimulatorOptions {
  /** 0 (default) = any free port. */
  port?: number
  users: readonly UaaUser[]
  /** Origins that are active and support the password grant. */
  origins: readonly string[]
  /** The origin used when a request carries no `login_hint`. */
  defaultOrigin: string
  /** `expires_in` of issued access tokens. */
  tokenLifetimeSeconds: number
  /** Key the access tokens are signed with; the Cloud Controller verifies with it. */
  signingKey: SigningKey
}

/** The token endpoint's success body, in the key order UAA writes. */
export interface UaaTokenResponse {
  access_token: string
  token_type: 'bearer'
  id_token: string
  refresh_token: string
  expires_in: number
  scope: string
  jti: string
}
