import type { OAuthClient, XsuaaCredentials, Zone } from './xsuaa-types.js'

export interface BindingContext {
  provider: Zone
  /** `localhost:<port>`. */
  uaaDomain: string
  verificationKey: string
}

/**
 * The XSUAA part of a binding's credentials. `url` has no zone subdomain: `<subdomain>.localhost` does not resolve
 * here, and without a subdomain or `x-zid` the simulator authenticates in the provider zone, which is where
 * `url` points on BTP. Subscriber tokens need no `url`: xssec posts them to `https://<uaadomain>` with `x-zid`.
 */
export function xsuaaCredentials(client: OAuthClient, tenantmode: XsuaaCredentials['tenantmode'], context: BindingContext): XsuaaCredentials {
  const { provider, uaaDomain, verificationKey } = context
  return {
    clientid: client.clientId,
    clientsecret: client.clientSecret,
    url: `https://${uaaDomain}`,
    uaadomain: uaaDomain,
    xsappname: client.xsappname,
    identityzone: provider.subdomain,
    tenantid: provider.tenantId,
    zoneid: provider.tenantId,
    subaccountid: provider.tenantId,
    tenantmode,
    verificationkey: verificationKey,
    'credential-type': 'binding-secret'
  }
}
