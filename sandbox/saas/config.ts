import { PROVIDER, XSAPPNAME } from '../identities.js'

export interface SaasRegistryConfig {
  /** 0 = a free port. */
  port: number
  /** The provider app's xsappname and name, as registered with saas-registry. */
  xsappname: string
  appName: string
  providerSubaccountId: string
  globalAccountGuid: string
  /** How long an async subscription waits for the app's status callback before it counts as FAILED. */
  callbackTimeoutMillis: number
}

export const DEFAULT_SAAS_REGISTRY_CONFIG: SaasRegistryConfig = {
  port: 0,
  xsappname: XSAPPNAME,
  appName: 'tenant-hub',
  providerSubaccountId: PROVIDER.tenantId,
  globalAccountGuid: PROVIDER.globalAccountGuid,
  callbackTimeoutMillis: 300_000
}
