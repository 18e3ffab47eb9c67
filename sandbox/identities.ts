/**
 * Well-known identities of the sandbox landscape, shared by every simulator so that tokens, destinations,
 * CF spaces and CIS subaccounts line up. Tests and the README demo refer to these names.
 */

/** The provider subaccount (tenant-hub's own), its XSUAA zone and subdomain. */
export const PROVIDER = {
  tenantId: '7b20408e-3fe0-4ade-aa2e-ad97baac72e8',
  subdomain: 'tenant-hub-provider',
  globalAccountGuid: '011b4e7a-43b5-4f63-819a-9b1e46ab23b6'
} as const

/** Demo consumer subaccounts; each has a CIS subaccount with `guid` = tenant id in the provider's global account. */
export const DEMO_TENANTS = [
  { tenantId: '5ecc7413-2b7e-414a-9496-ad4a61f6cccf', subdomain: 'acme' },
  { tenantId: '9d2f6c1a-4b8e-4f3a-8c7d-2e1b0a9f8e7d', subdomain: 'globex' },
  { tenantId: 'c3a1e5b7-6d4f-4e2a-9b8c-7f6e5d4c3b2a', subdomain: 'initech' }
] as const

/** The xsappname of tenant-hub's XSUAA instance in the sandbox (scopes are `<xsappname>.<Scope>`). */
export const XSAPPNAME = 'tenant-hub!t1000'

/** Cloud Foundry landscape of the sandbox. */
export const CF_LANDSCAPE = {
  org: 'tenant-hub-org',
  space: 'dev',
  approuterApp: 'tenant-hub',
  srvApp: 'tenant-hub-srv',
  sharedDomain: 'cfapps.sandbox.localhost',
  /** The CF technical user of destination CFAPI: a platform user from an IAS origin. */
  technicalUser: { username: 'tenant-hub-tech@example.com', password: 'sandbox-tech-password', origin: 'sandbox-platform' }
} as const
