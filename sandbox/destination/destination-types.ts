/**
 * A destination as the Destination service stores and returns it: flat string properties, e.g. `Name`, `Type`,
 * `URL`, `Authentication`, `ProxyType`, `clientId`, `clientSecret`, `User`, `Password`, `tokenServiceURL`,
 * `tokenService.body.<param>`, `tokenService.addClientCredentialsInBody`.
 */
export interface DestinationProperties {
  Name: string
  Type: string
  [property: string]: string
}

/** Where a destination lives: a subaccount (= zone id), or a service instance's level within that subaccount. */
export interface DestinationLevel {
  subaccountId: string
  instanceId?: string
}

/** One entry of `authTokens` in the find-destination answer; on failure `type` and `value` are empty and `error` says why. */
export interface AuthToken {
  type: string
  value: string
  http_header?: { key: string; value: string }
  /** Seconds, as a string (the SDK `parseInt`s it). */
  expires_in?: string
  scope?: string
  refresh_token?: string
  error?: string
}

/** `GET /destination-configuration/v1/destinations/{name}` answer. */
export interface FindDestinationResponse {
  owner: { SubaccountId: string; InstanceId: string | null }
  destinationConfiguration: DestinationProperties
  authTokens?: AuthToken[]
}

/** The `credentials` of the `destination` binding in VCAP_SERVICES (WIRE-REFERENCE §C.1). */
export interface DestinationCredentials {
  clientid: string
  clientsecret: string
  uri: string
  url: string
  uaadomain: string
  xsappname: string
  tenantid: string
  identityzone: string
  tenantmode: 'dedicated'
  instanceid: string
  verificationkey: string
  'credential-type': 'binding-secret'
}
