import type { SaasRegistryConfig } from './config.js'

export interface Subscriber {
  tenantId: string
  subdomain: string
  subaccountId: string
}

/** The body saas-registry sends with `PUT …/tenant/{tenantId}` (WIRE-REFERENCE §D.2). */
export function subscriptionPayload(config: SaasRegistryConfig, subscriber: Subscriber, subscriptionGUID: string) {
  return {
    subscriptionAppId: config.xsappname,
    subscriptionAppName: config.appName,
    subscriptionCommercialAppName: config.appName,
    subscribedTenantId: subscriber.tenantId,
    subscribedZoneId: subscriber.tenantId,
    subscribedSubdomain: subscriber.subdomain,
    subscribedSubaccountId: subscriber.subaccountId,
    providerSubaccountId: config.providerSubaccountId,
    globalAccountGUID: config.globalAccountGuid,
    subscribedLicenseType: 'SAPDEV',
    subscribedCrmId: '',
    subscribedCostObjectId: '100000001',
    subscriptionAppPlan: 'standard',
    subscriptionAppAmount: 1,
    subscriptionGUID,
    dependentServiceInstanceAppIds: null,
    userId: 'APPLICATION_OWNER',
    userInfo: { userId: 'sandbox-admin', userName: 'sandbox-admin@example.com', email: 'sandbox-admin@example.com' },
    additionalInformation: {},
    subscriptionParams: {},
    eventType: 'CREATE'
  }
}

/** The body of `DELETE …/tenant/{tenantId}` (§F.5: what cap-operator reads from it). */
export function unsubscriptionPayload(config: SaasRegistryConfig, subscriber: Subscriber) {
  return {
    subscriptionAppName: config.appName,
    subscribedTenantId: subscriber.tenantId,
    subscribedSubdomain: subscriber.subdomain,
    subscribedSubaccountId: subscriber.subaccountId,
    globalAccountGUID: config.globalAccountGuid
  }
}
