import cds from '@sap/cds'

interface XsuaaCredentials {
  tenantid?: string
  zoneid?: string
}

/**
 * The provider's tenant: the identity zone of tenant-hub's own XSUAA binding, i.e. the provider subaccount's.
 * `undefined` without an XSUAA binding (e.g. CAP's mocked users), where no request can come from that zone.
 */
export function providerTenant(): string | undefined {
  const requires = cds.env.requires as Record<string, { credentials?: XsuaaCredentials } | undefined>
  const credentials = requires.auth?.credentials ?? {}
  return credentials.tenantid ?? credentials.zoneid
}
