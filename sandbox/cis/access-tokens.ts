/**
 * Access tokens of the global accounts' XSUAA zones: issued by the token endpoint, checked by the accounts and
 * entitlements services. A token names its global account like the real one does, in `zid` and
 * `ext_attr.globalaccountid` (claims as in the codejam's decoded CIS token).
 */
import { createHash, randomUUID } from 'node:crypto'
import { createSigningKey, signJwt, verifyJwt, type SigningKey } from '../kernel/index.js'
import { stableGuid } from './guids.js'

/** The service-owner app of the `cis` plans; scopes are `cis-central!b14.<scope>`. */
const CIS_XSAPPNAME = 'cis-central!b14'

/** Scopes of the `central-viewer` plan (WIRE-REFERENCE §B.1). */
const CENTRAL_VIEWER_SCOPES = [
  'global-account.read',
  'global-account.subaccount.read',
  'global-account.account-directory.read',
  'global-account.entitlement.read',
  'global-account.region.read',
  'directory.entitlement.read',
  'job.read'
].map(scope => `${CIS_XSAPPNAME}.${scope}`)

/** A client of one global account's CIS instance, as its service key describes it. */
export interface CisClientRegistration {
  clientId: string
  clientSecret: string
  globalAccountGuid: string
  /** Subdomain of the global account's XSUAA zone (`ext_attr.zdn`). */
  zoneSubdomain: string
}

export interface IssuedToken {
  access_token: string
  token_type: 'bearer'
  expires_in: number
  scope: string
  jti: string
}

export class AccessTokens {
  readonly #key: SigningKey
  readonly #validitySeconds: number

  constructor(validitySeconds: number) {
    this.#key = createSigningKey('cis-uaa-key')
    this.#validitySeconds = validitySeconds
  }

  /** A client-credentials token for the client's global account; `issuer` is the token endpoint URL. */
  issue(client: CisClientRegistration, issuer: string): IssuedToken {
    const iat = Math.floor(Date.now() / 1000)
    const jti = randomUUID().replaceAll('-', '')
    const payload = {
      jti,
      ext_attr: {
        enhancer: 'XSUAA',
        globalaccountid: client.globalAccountGuid,
        zdn: client.zoneSubdomain,
        serviceinstanceid: stableGuid('cis-instance', client.globalAccountGuid)
      },
      sub: client.clientId,
      scope: CENTRAL_VIEWER_SCOPES,
      client_id: client.clientId,
      cid: client.clientId,
      azp: client.clientId,
      grant_type: 'client_credentials',
      rev_sig: createHash('sha1').update(client.clientId).digest('hex').slice(0, 8),
      iat,
      exp: iat + this.#validitySeconds,
      iss: issuer,
      zid: client.globalAccountGuid,
      aud: [...new Set(CENTRAL_VIEWER_SCOPES.map(scope => scope.slice(0, scope.lastIndexOf('.')))), client.clientId]
    }
    return {
      access_token: signJwt(payload, this.#key),
      token_type: 'bearer',
      expires_in: this.#validitySeconds,
      scope: CENTRAL_VIEWER_SCOPES.join(' '),
      jti
    }
  }

  /** The global account a bearer token belongs to; `undefined` when it is missing, forged or expired. */
  globalAccountOf(token: string | undefined): string | undefined {
    if (!token) return undefined
    const payload = verifyJwt(token, this.#key)
    return typeof payload?.zid === 'string' ? payload.zid : undefined
  }
}
