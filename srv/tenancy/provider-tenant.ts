import cds from '@sap/cds'

interface AuthConfig {
  credentials?: { tenantid?: string; zoneid?: string }
  /** With CAP's mocked users there is no binding: the development profile names the provider's tenant here. */
  providerTenant?: string
}

/**
 * The provider's tenant: the identity zone of tenant-hub's own XSUAA binding, i.e. the provider subaccount's;
 * with mocked users, `cds.requires.auth.providerTenant`. `undefined` when neither is known.
 */
export function providerTenant(): string | undefined {
  const auth = (cds.env.requires as Record<string, AuthConfig | undefined>).auth ?? {}
  return auth.credentials?.tenantid ?? auth.credentials?.zoneid ?? auth.providerTenant
}
