/**
 * The service catalog and the data centers the seeded global accounts are entitled to. Names are real BTP
 * services and plans; amounts are illustrative. Each call builds new records, so a reload starts clean.
 */
import type { DataCenterRecord, ServicePlanRecord, ServiceRecord } from './store.js'

const FOUNDATION = { id: 'FOUNDATION_CROSS_SERVICES', displayName: 'Foundation / Cross Services' }
const DATA = { id: 'DATA_AND_ANALYTICS', displayName: 'Data and Analytics' }
const SECURITY = { id: 'SECURITY', displayName: 'Security' }
const INTEGRATION = { id: 'INTEGRATION', displayName: 'Integration' }
const APPLICATIONS = { id: 'APPLICATION_DEVELOPMENT_AND_AUTOMATION', displayName: 'Application Development and Automation' }

type PlanSpec = Pick<ServicePlanRecord, 'name' | 'displayName' | 'description' | 'category'> & Partial<ServicePlanRecord>

function plan(serviceName: string, spec: PlanSpec): ServicePlanRecord {
  return {
    uniqueIdentifier: `${serviceName}-${spec.name}`,
    beta: false,
    unlimited: true,
    amount: 1,
    provisioningMethod: 'SERVICE_BROKER',
    maxAllowedSubaccountQuota: 0,
    providedBy: 'VENDOR',
    autoAssign: false,
    autoDistributeAmount: 0,
    autoManaged: false,
    ...spec
  }
}

/** Service name → plan name of every catalog entry, for assignments that must name existing plans. */
export const CATALOG = {
  cfRuntime: { service: 'APPLICATION_RUNTIME', memory: 'MEMORY' },
  cfEnvironment: { service: 'cloudfoundry', standard: 'standard' },
  hana: { service: 'hana-cloud', hana: 'hana', tools: 'tools' },
  xsuaa: { service: 'xsuaa', application: 'application', broker: 'broker' },
  destination: { service: 'destination', lite: 'lite' },
  saasRegistry: { service: 'saas-registry', application: 'application' },
  cis: { service: 'cis', central: 'central', local: 'local' },
  auditlogViewer: { service: 'auditlog-viewer', free: 'free' },
  tenantHub: { service: 'tenant-hub', standard: 'standard' }
} as const

export function serviceCatalog(): ServiceRecord[] {
  return [
    {
      name: CATALOG.cfRuntime.service,
      displayName: 'Cloud Foundry Runtime',
      description: 'Run applications in the Cloud Foundry environment.',
      ownerType: 'VENDOR',
      businessCategory: FOUNDATION,
      plans: [
        plan(CATALOG.cfRuntime.service, {
          name: CATALOG.cfRuntime.memory,
          displayName: 'MEMORY',
          description: 'Memory quota for Cloud Foundry applications, in GB.',
          category: 'PLATFORM',
          unlimited: false,
          amount: 16,
          provisioningMethod: 'NONE_REQUIRED'
        })
      ]
    },
    {
      name: CATALOG.cfEnvironment.service,
      displayName: 'Cloud Foundry Environment',
      description: 'The Cloud Foundry environment for subaccounts.',
      ownerType: 'VENDOR',
      businessCategory: FOUNDATION,
      plans: [
        plan(CATALOG.cfEnvironment.service, {
          name: CATALOG.cfEnvironment.standard,
          displayName: 'Standard',
          description: 'One Cloud Foundry org per subaccount.',
          category: 'ENVIRONMENT',
          maxAllowedSubaccountQuota: 1
        })
      ]
    },
    {
      name: CATALOG.hana.service,
      displayName: 'SAP HANA Cloud',
      description: 'Database as a service for SAP HANA.',
      ownerType: 'VENDOR',
      businessCategory: DATA,
      plans: [
        plan(CATALOG.hana.service, {
          name: CATALOG.hana.hana,
          displayName: 'hana',
          description: 'SAP HANA database instances.',
          category: 'SERVICE',
          unlimited: false,
          amount: 4
        }),
        plan(CATALOG.hana.service, {
          name: CATALOG.hana.tools,
          displayName: 'tools',
          description: 'SAP HANA Cloud Central.',
          category: 'APPLICATION'
        })
      ]
    },
    {
      name: CATALOG.xsuaa.service,
      displayName: 'Authorization and Trust Management Service',
      description: 'Manage application authorizations and trust to identity providers.',
      ownerType: 'VENDOR',
      businessCategory: SECURITY,
      plans: [
        plan(CATALOG.xsuaa.service, {
          name: CATALOG.xsuaa.application,
          displayName: 'application',
          description: 'Application plan.',
          category: 'ELASTIC_SERVICE',
          autoAssign: true,
          autoManaged: true
        }),
        plan(CATALOG.xsuaa.service, {
          name: CATALOG.xsuaa.broker,
          displayName: 'broker',
          description: 'Broker plan for reuse services.',
          category: 'ELASTIC_SERVICE'
        })
      ]
    },
    {
      name: CATALOG.destination.service,
      displayName: 'Destination Service',
      description: 'Retrieve the backend destination details you need to configure applications.',
      ownerType: 'VENDOR',
      businessCategory: INTEGRATION,
      plans: [
        plan(CATALOG.destination.service, {
          name: CATALOG.destination.lite,
          displayName: 'lite',
          description: 'Destination service lite plan.',
          category: 'ELASTIC_SERVICE',
          autoAssign: true,
          autoManaged: true
        })
      ]
    },
    {
      name: CATALOG.saasRegistry.service,
      displayName: 'SaaS Provisioning Service',
      description: 'Make multitenant applications available for subscription.',
      ownerType: 'VENDOR',
      businessCategory: APPLICATIONS,
      plans: [
        plan(CATALOG.saasRegistry.service, {
          name: CATALOG.saasRegistry.application,
          displayName: 'application',
          description: 'Register a multitenant application.',
          category: 'ELASTIC_SERVICE'
        })
      ]
    },
    {
      name: CATALOG.cis.service,
      displayName: 'Cloud Management Service',
      description: 'Manage global accounts, directories, subaccounts and entitlements through APIs.',
      ownerType: 'VENDOR',
      businessCategory: FOUNDATION,
      plans: [
        plan(CATALOG.cis.service, {
          name: CATALOG.cis.central,
          displayName: 'central',
          description: 'Access to the whole global account.',
          category: 'ELASTIC_SERVICE'
        }),
        plan(CATALOG.cis.service, {
          name: CATALOG.cis.local,
          displayName: 'local',
          description: 'Access to one subaccount.',
          category: 'ELASTIC_SERVICE',
          autoAssign: true,
          autoManaged: true
        })
      ]
    },
    {
      name: CATALOG.auditlogViewer.service,
      displayName: 'SAP Audit Log Viewer Service',
      description: 'View the audit logs of a subaccount.',
      ownerType: 'VENDOR',
      businessCategory: SECURITY,
      plans: [
        plan(CATALOG.auditlogViewer.service, {
          name: CATALOG.auditlogViewer.free,
          displayName: 'free',
          description: 'Free audit log viewer.',
          category: 'APPLICATION',
          autoAssign: true,
          autoManaged: true
        })
      ]
    },
    {
      name: CATALOG.tenantHub.service,
      displayName: 'Tenant Hub',
      description: 'The tenant-hub multitenant application.',
      ownerType: 'CUSTOMER',
      businessCategory: APPLICATIONS,
      plans: [
        plan(CATALOG.tenantHub.service, {
          name: CATALOG.tenantHub.standard,
          displayName: 'Standard',
          description: 'Subscription to tenant-hub.',
          category: 'APPLICATION',
          providedBy: 'GLOBAL_ACCOUNT_OWNER'
        })
      ]
    }
  ]
}

const DATA_CENTERS: DataCenterRecord[] = [
  dataCenter('eu10', 'Europe (Frankfurt) - AWS', 'AWS', true, 'BACKWARD_COMPLIANT_EU_ACCESS'),
  dataCenter('eu20', 'Europe (Netherlands) - Azure', 'AZURE', false, 'BACKWARD_COMPLIANT_EU_ACCESS'),
  dataCenter('us10', 'US East (VA) - AWS', 'AWS', true, 'STANDARD'),
  dataCenter('ap21', 'Asia Pacific (Singapore) - Azure', 'AZURE', false, 'STANDARD')
]

/** The Cloud Foundry data centers of these regions. */
export function dataCentersOf(regions: readonly string[]): DataCenterRecord[] {
  return DATA_CENTERS.filter(dc => regions.includes(dc.region)).map(dc => ({ ...dc }))
}

function dataCenter(region: string, displayName: string, iaasProvider: string, supportsTrial: boolean, geoAccess: string): DataCenterRecord {
  return {
    name: `cf-${region}`,
    displayName,
    region,
    environment: 'cloudfoundry',
    iaasProvider,
    supportsTrial,
    provisioningServiceUrl: `https://provisioning-service.cfapps.${region}.hana.ondemand.com`,
    saasRegistryServiceUrl: `https://saas-manager.cfapps.${region}.hana.ondemand.com`,
    domain: `${region}.hana.ondemand.com`,
    geoAccess
  }
}
