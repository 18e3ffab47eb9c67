import type { CfSandbox } from './cf/index.js'
import type { CisCredentials } from './cis/index.js'
import type { SeededDestination } from './destination/index.js'
import { CF_LANDSCAPE, DEMO_TENANTS, PROVIDER } from './identities.js'

/** The tenant of DEMO_TENANTS that brings its own CIS destination (its own global account). */
export const OWN_CIS_TENANT = DEMO_TENANTS[1]

/**
 * The destinations an operator would create in the BTP cockpit (deploy/ has the templates), pointing at the
 * simulators: `CFAPI` and `CIS` in the provider subaccount, and a subscriber's own `CIS`.
 */
export function landscapeDestinations(cf: CfSandbox, cis: CisCredentials[]): SeededDestination[] {
  const [providerCis, subscriberCis] = cis
  const seeds: SeededDestination[] = [
    { subaccountId: PROVIDER.tenantId, destination: cfApiDestination(cf) },
    { subaccountId: PROVIDER.tenantId, destination: cisDestination(providerCis) }
  ]
  if (subscriberCis) seeds.push({ subaccountId: OWN_CIS_TENANT.tenantId, destination: cisDestination(subscriberCis) })
  return seeds
}

/** `CFAPI`: OAuth2Password against the CF UAA with client `cf`, empty secret and the IAS origin as login_hint. */
export function cfApiDestination(cf: CfSandbox, overrides: Record<string, string> = {}) {
  const { username, password, origin } = CF_LANDSCAPE.technicalUser
  return {
    Name: 'CFAPI',
    Type: 'HTTP',
    URL: cf.cf.url,
    ProxyType: 'Internet',
    Authentication: 'OAuth2Password',
    clientId: 'cf',
    clientSecret: '',
    User: username,
    Password: password,
    tokenServiceURL: `${cf.uaa.url}/oauth/token`,
    'tokenService.body.login_hint': JSON.stringify({ origin }),
    ...overrides
  }
}

/** `CIS`: OAuth2ClientCredentials from a central-viewer service key; the entitlements host as an extra property. */
export function cisDestination(credentials: CisCredentials, overrides: Record<string, string> = {}) {
  return {
    Name: 'CIS',
    Type: 'HTTP',
    URL: credentials.accountsUrl,
    ProxyType: 'Internet',
    Authentication: 'OAuth2ClientCredentials',
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    tokenServiceURL: credentials.tokenUrl,
    tokenServiceURLType: 'Dedicated',
    entitlementsServiceURL: credentials.entitlementsUrl,
    ...overrides
  }
}
