/**
 * An XSUAA identity zone. In the sandbox, as on BTP for subaccounts created since 2020, the zone id equals the
 * subaccount id and the tenant id.
 */
export interface Zone {
  tenantId: string
  subdomain: string
}

/** Which binding an OAuth client belongs to. */
export type ClientRole = 'application' | 'destination' | 'saas-registry'

/** An OAuth client of the XSUAA simulator, i.e. the client of one service binding. */
export interface OAuthClient {
  role: ClientRole
  clientId: string
  clientSecret: string
  xsappname: string
  /** What its client-credentials tokens carry in `scope` and `authorities`. */
  authorities: string[]
  /** The service instance the binding belongs to (`ext_attr.serviceinstanceid`). */
  serviceInstanceId: string
}

/** The `credentials` object of an XSUAA-backed binding in VCAP_SERVICES (WIRE-REFERENCE §C.1). */
export interface XsuaaCredentials {
  clientid: string
  clientsecret: string
  url: string
  uaadomain: string
  xsappname: string
  identityzone: string
  tenantid: string
  zoneid: string
  subaccountid: string
  tenantmode: 'shared' | 'dedicated'
  verificationkey: string
  'credential-type': 'binding-secret'
}

/** The `saas-registry` binding's credentials (plan `application`). */
export interface SaasRegistryCredentials extends XsuaaCredentials {
  saas_registry_url: string
  appName: string
}

export interface UserTokenRequest {
  /** Zone of the user; an unknown zone is registered when `subdomain` is given (a subaccount that just subscribed). */
  tenantId: string
  subdomain?: string
  userName: string
  /** Local scope names (`Viewer`, `Admin`); the token carries `<xsappname>.<Scope>`. */
  scopes: string[]
  /** Default: the configured token validity. Negative values produce an already expired token. */
  expiresInSeconds?: number
  /** Identity provider origin key, default `sap.default`. */
  origin?: string
  /** `xs.user.attributes`, default `{}`. */
  attributes?: Record<string, string[]>
}

export interface ClientTokenRequest {
  role: ClientRole
  /** Default: the provider zone. */
  tenantId?: string
}

/** An issued token and the claims it carries. */
export interface IssuedToken {
  accessToken: string
  claims: Record<string, unknown>
  expiresIn: number
}
