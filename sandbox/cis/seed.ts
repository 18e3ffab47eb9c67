/**
 * The realistic, deterministic seeds: the provider's global account (nested directories, the provider subaccount,
 * one subaccount per demo tenant, subaccounts in every state worth handling) and the small global account of a
 * subscriber that brings its own CIS destination. Guids are stable across starts; tests may rely on the exported ids.
 */
import { DEMO_TENANTS, PROVIDER } from '../identities.js'
import { CATALOG, dataCentersOf, serviceCatalog } from './catalog.js'
import { stableGuid, stableSuffix } from './guids.js'
import type {
  AssignmentRecord,
  DirectoryFeature,
  DirectoryRecord,
  DirectoryType,
  GlobalAccountLandscape,
  GlobalAccountRecord,
  Labels,
  SubaccountRecord,
  UsedForProduction
} from './store.js'

const [ACME, GLOBEX, INITECH] = DEMO_TENANTS

/**
 * The second default global account: Globex's own (DEMO_TENANTS[1]), reached through the CIS destination that
 * Globex brings for its own global account.
 */
export const SUBSCRIBER_GLOBAL_ACCOUNT = {
  guid: stableGuid('global-account', 'globex'),
  displayName: 'Globex Global Account',
  subdomain: 'globex-ga'
} as const

const PROVIDER_GA = PROVIDER.globalAccountGuid
const providerDirectory = (key: string) => stableGuid('directory', PROVIDER_GA, key)
const providerSubaccount = (key: string) => stableGuid('subaccount', PROVIDER_GA, key)
const subscriberDirectory = (key: string) => stableGuid('directory', SUBSCRIBER_GLOBAL_ACCOUNT.guid, key)
const subscriberSubaccount = (key: string) => stableGuid('subaccount', SUBSCRIBER_GLOBAL_ACCOUNT.guid, key)

/** Well-known guids of the provider's global account. */
export const PROVIDER_SEED = {
  globalAccount: { guid: PROVIDER_GA, displayName: 'Tenant Hub Global Account', subdomain: 'tenant-hub-ga' },
  directories: {
    /** PROJECT with AUTHORIZATIONS, DEFAULT, ENTITLEMENTS; labelled. */
    production: providerDirectory('production'),
    /** FOLDER under production (second level). */
    emea: providerDirectory('emea'),
    /** FOLDER under emea (third level); holds ACME. */
    dach: providerDirectory('dach'),
    /** FOLDER under production; holds Globex. */
    americas: providerDirectory('americas'),
    /** PROJECT with DEFAULT, ENTITLEMENTS (no subdomain). */
    nonProduction: providerDirectory('non-production'),
    development: providerDirectory('development'),
    qualityAssurance: providerDirectory('quality-assurance'),
    /** FOLDER without description. */
    sandboxes: providerDirectory('sandboxes'),
    /** FOLDER without subaccounts. */
    archive: providerDirectory('archive')
  },
  subaccounts: {
    provider: PROVIDER.tenantId,
    acme: ACME.tenantId,
    globex: GLOBEX.tenantId,
    initech: INITECH.tenantId,
    /** Root subaccount with multi-valued labels and a description, like the recorded single GET. */
    sharedServices: providerSubaccount('shared-services'),
    /** Directly under the production PROJECT directory. */
    integration: providerSubaccount('integration'),
    dataAnalytics: providerSubaccount('data-analytics'),
    devSandbox1: providerSubaccount('dev-sandbox-01'),
    devSandbox2: providerSubaccount('dev-sandbox-02'),
    qaEu10: providerSubaccount('qa-eu10'),
    qaUs10: providerSubaccount('qa-us10'),
    /** state UPDATING. */
    loadTest: providerSubaccount('load-test'),
    /** Has a label key without values. */
    partnerDemo: providerSubaccount('partner-demo'),
    trialPlayground: providerSubaccount('trial-playground'),
    /** state CREATING. */
    onboarding: providerSubaccount('onboarding'),
    /** state CREATION_FAILED. */
    failedOnboarding: providerSubaccount('failed-onboarding'),
    /** contractStatus PENDING_FORCED_DELETION with force-delete times, as recorded. */
    pendingDeletion: providerSubaccount('pending-deletion')
  }
} as const

/** Well-known guids of the subscriber's own global account. */
export const SUBSCRIBER_SEED = {
  globalAccount: SUBSCRIBER_GLOBAL_ACCOUNT,
  directories: { it: subscriberDirectory('it') },
  subaccounts: {
    erp: subscriberSubaccount('erp-prod'),
    hr: subscriberSubaccount('hr'),
    dev: subscriberSubaccount('dev')
  }
} as const

const at = (iso: string) => Date.parse(iso)

const ALL_FEATURES: DirectoryFeature[] = ['AUTHORIZATIONS', 'DEFAULT', 'ENTITLEMENTS']

interface DirectorySpec {
  guid: string
  parent: string
  displayName: string
  directoryType: DirectoryType
  directoryFeatures: DirectoryFeature[]
  description?: string
  labels?: Labels
  created: string
  createdBy: string
}

function directory(globalAccountGUID: string, spec: DirectorySpec): DirectoryRecord {
  const createdDate = at(spec.created)
  return {
    guid: spec.guid,
    globalAccountGUID,
    parentGUID: spec.parent,
    displayName: spec.displayName,
    description: spec.description,
    directoryType: spec.directoryType,
    directoryFeatures: spec.directoryFeatures,
    entityState: 'OK',
    stateMessage: 'Directory created.',
    contractStatus: 'ACTIVE',
    createdDate,
    createdBy: spec.createdBy,
    modifiedDate: createdDate + 62_000,
    labels: spec.labels
  }
}

interface SubaccountSpec {
  guid: string
  parent: string
  displayName: string
  /** Default: `<slug>-<8 stable characters>`, like the subdomains BTP generates. */
  subdomain?: string
  region: string
  usedForProduction: UsedForProduction
  betaEnabled?: boolean
  description?: string | null
  labels?: Labels
  state?: string
  stateMessage?: string
  contractStatus?: string
  created: string
  createdBy: string
  /** Default: `createdBy`. */
  lastModifiedBy?: string
  forceDelete?: { requested: string; target: string }
}

function subaccount(globalAccountGUID: string, spec: SubaccountSpec): SubaccountRecord {
  const createdDate = at(spec.created)
  const slug = spec.displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  return {
    guid: spec.guid,
    technicalName: spec.guid,
    displayName: spec.displayName,
    globalAccountGUID,
    parentGUID: spec.parent,
    region: spec.region,
    subdomain: spec.subdomain ?? `${slug}-${stableSuffix(spec.guid)}`,
    betaEnabled: spec.betaEnabled ?? false,
    usedForProduction: spec.usedForProduction,
    description: spec.description,
    state: spec.state ?? 'OK',
    stateMessage: spec.stateMessage ?? 'Subaccount created.',
    contractStatus: spec.contractStatus ?? 'ACTIVE',
    createdDate,
    createdBy: spec.createdBy,
    modifiedDate: createdDate + 24_000,
    lastModifiedBy: spec.lastModifiedBy ?? spec.createdBy,
    labels: spec.labels,
    forceDeleteRequestTime: spec.forceDelete && at(spec.forceDelete.requested),
    forceDeleteTargetTime: spec.forceDelete && at(spec.forceDelete.target)
  }
}

export interface AssignmentSpec {
  service: string
  plan: string
  amount?: number
  autoAssigned?: boolean
  autoAssign?: boolean
  autoDistributeAmount?: number
}

export function assignments(
  entityId: string,
  entityType: AssignmentRecord['entityType'],
  created: string | number,
  specs: readonly AssignmentSpec[]
): AssignmentRecord[] {
  const createdDate = typeof created === 'number' ? created : at(created)
  return specs.map(spec => ({
    serviceName: spec.service,
    planName: spec.plan,
    entityId,
    entityType,
    amount: spec.amount ?? 1,
    unlimitedAmountAssigned: false,
    autoAssigned: spec.autoAssigned ?? false,
    autoAssign: spec.autoAssign ?? false,
    autoDistributeAmount: spec.autoDistributeAmount ?? 0,
    entityState: 'OK',
    stateMessage: 'Assignment completed successfully.',
    createdDate,
    modifiedDate: createdDate
  }))
}

/** What the platform assigns to every new subaccount by itself. */
const PLATFORM_ASSIGNMENTS: AssignmentSpec[] = [
  { service: CATALOG.xsuaa.service, plan: CATALOG.xsuaa.application, autoAssigned: true },
  { service: CATALOG.destination.service, plan: CATALOG.destination.lite, autoAssigned: true },
  { service: CATALOG.auditlogViewer.service, plan: CATALOG.auditlogViewer.free, autoAssigned: true }
]

const TENANT_HUB_SUBSCRIPTION: AssignmentSpec = { service: CATALOG.tenantHub.service, plan: CATALOG.tenantHub.standard }
export const CF_ENVIRONMENT: AssignmentSpec = { service: CATALOG.cfEnvironment.service, plan: CATALOG.cfEnvironment.standard }

export function providerLandscape(): GlobalAccountLandscape {
  const { directories: d, subaccounts: s } = PROVIDER_SEED
  const globalAccount: GlobalAccountRecord = {
    ...PROVIDER_SEED.globalAccount,
    description: 'Global account of the tenant-hub SaaS provider',
    commercialModel: 'Subscription',
    consumptionBased: false,
    licenseType: 'CUSTOMER',
    geoAccess: 'STANDARD',
    costCenter: '101000297',
    useFor: 'Production',
    origin: 'ORDER',
    contractStatus: 'ACTIVE',
    entityState: 'OK',
    stateMessage: 'Global account updated.',
    createdDate: at('2023-05-11T08:59:23Z'),
    modifiedDate: at('2025-06-22T10:36:27Z')
  }
  const dir = (spec: DirectorySpec) => directory(PROVIDER_GA, spec)
  const directories = [
    dir({
      guid: d.production, parent: PROVIDER_GA, displayName: 'Production', directoryType: 'PROJECT', directoryFeatures: ALL_FEATURES,
      description: 'Productive customer subaccounts.', labels: { environment: ['production'], 'cost-center': ['CC-4711', 'CC-4712'] },
      created: '2023-06-01T09:12:44Z', createdBy: 'alice.admin@tenant-hub.example'
    }),
    dir({
      guid: d.emea, parent: d.production, displayName: 'EMEA', directoryType: 'FOLDER', directoryFeatures: ['DEFAULT'],
      created: '2023-06-01T09:15:02Z', createdBy: 'alice.admin@tenant-hub.example'
    }),
    dir({
      guid: d.dach, parent: d.emea, displayName: 'DACH', directoryType: 'FOLDER', directoryFeatures: ['DEFAULT'],
      description: 'Germany, Austria, Switzerland.', labels: { country: ['DE', 'AT', 'CH'] },
      created: '2023-06-01T09:16:40Z', createdBy: 'alice.admin@tenant-hub.example'
    }),
    dir({
      guid: d.americas, parent: d.production, displayName: 'Americas', directoryType: 'FOLDER', directoryFeatures: ['DEFAULT'],
      created: '2023-06-02T14:03:11Z', createdBy: 'bob.ops@tenant-hub.example'
    }),
    dir({
      guid: d.nonProduction, parent: PROVIDER_GA, displayName: 'Non-Production', directoryType: 'PROJECT',
      directoryFeatures: ['DEFAULT', 'ENTITLEMENTS'], description: 'Development and test landscapes.',
      created: '2023-06-05T07:45:30Z', createdBy: 'bob.ops@tenant-hub.example'
    }),
    dir({
      guid: d.development, parent: d.nonProduction, displayName: 'Development', directoryType: 'FOLDER', directoryFeatures: ['DEFAULT'],
      created: '2023-06-05T07:47:12Z', createdBy: 'bob.ops@tenant-hub.example'
    }),
    dir({
      guid: d.qualityAssurance, parent: d.nonProduction, displayName: 'Quality Assurance', directoryType: 'FOLDER',
      directoryFeatures: ['DEFAULT'], description: 'Integration and load tests.',
      created: '2023-06-05T07:48:55Z', createdBy: 'bob.ops@tenant-hub.example'
    }),
    dir({
      guid: d.sandboxes, parent: PROVIDER_GA, displayName: 'Sandboxes', directoryType: 'FOLDER', directoryFeatures: ['DEFAULT'],
      created: '2024-01-15T11:20:00Z', createdBy: 'carol.dev@tenant-hub.example'
    }),
    dir({
      guid: d.archive, parent: PROVIDER_GA, displayName: 'Archive', directoryType: 'FOLDER', directoryFeatures: ['DEFAULT'],
      description: 'Empty; subaccounts of former customers were deleted.',
      created: '2024-09-30T16:00:00Z', createdBy: 'alice.admin@tenant-hub.example'
    })
  ]

  const sub = (spec: SubaccountSpec) => subaccount(PROVIDER_GA, spec)
  const consumerLabels = (customer: string, tier: string): Labels => ({ 'tenant-hub': ['consumer'], customer: [customer], tier: [tier] })
  const subaccounts = [
    sub({
      guid: s.provider, parent: PROVIDER_GA, displayName: 'Tenant Hub (provider)', subdomain: PROVIDER.subdomain, region: 'eu10',
      usedForProduction: 'USED_FOR_PRODUCTION', description: 'Runs the tenant-hub SaaS application.',
      labels: { app: ['tenant-hub'], role: ['provider'] }, created: '2023-06-01T10:02:17Z',
      createdBy: 'alice.admin@tenant-hub.example', lastModifiedBy: 'bob.ops@tenant-hub.example'
    }),
    sub({
      guid: s.acme, parent: d.dach, displayName: 'ACME Corp.', subdomain: ACME.subdomain, region: 'eu10',
      usedForProduction: 'USED_FOR_PRODUCTION', description: 'ACME production tenant.', labels: consumerLabels('acme', 'gold'),
      created: '2023-07-03T11:34:41Z', createdBy: 'alice.admin@tenant-hub.example'
    }),
    sub({
      guid: s.globex, parent: d.americas, displayName: 'Globex Corporation', subdomain: GLOBEX.subdomain, region: 'us10',
      usedForProduction: 'USED_FOR_PRODUCTION', description: null, labels: consumerLabels('globex', 'silver'),
      created: '2023-09-12T15:21:09Z', createdBy: 'bob.ops@tenant-hub.example'
    }),
    sub({
      guid: s.initech, parent: d.emea, displayName: 'Initech', subdomain: INITECH.subdomain, region: 'eu20',
      usedForProduction: 'UNSET', labels: consumerLabels('initech', 'bronze'),
      created: '2024-02-27T08:47:42Z', createdBy: 'bob.ops@tenant-hub.example'
    }),
    sub({
      guid: s.sharedServices, parent: PROVIDER_GA, displayName: 'Shared Services', region: 'eu10',
      usedForProduction: 'USED_FOR_PRODUCTION', description: 'Identity, logging and monitoring shared by all landscapes.',
      labels: { team: ['platform', 'sre', 'security'], 'cost-center': ['CC-4711'] },
      created: '2023-05-12T06:55:18Z', createdBy: 'alice.admin@tenant-hub.example', lastModifiedBy: 'carol.dev@tenant-hub.example'
    }),
    sub({
      guid: s.integration, parent: d.production, displayName: 'Integration Suite', region: 'eu20',
      usedForProduction: 'USED_FOR_PRODUCTION', description: 'Integration flows to customer back ends.',
      created: '2023-06-20T13:10:00Z', createdBy: 'dave.integration@tenant-hub.example'
    }),
    sub({
      guid: s.dataAnalytics, parent: d.emea, displayName: 'Data Analytics', region: 'eu20', usedForProduction: 'USED_FOR_PRODUCTION',
      labels: { team: ['data'] }, created: '2023-11-14T15:04:48Z', createdBy: 'erin.data@tenant-hub.example'
    }),
    sub({
      guid: s.devSandbox1, parent: d.development, displayName: 'dev-sandbox-01', region: 'eu10', usedForProduction: 'NOT_USED_FOR_PRODUCTION',
      betaEnabled: true, description: 'Personal development sandbox.', labels: { team: ['tenant-hub'], owner: ['carol.dev'] },
      created: '2024-03-05T06:55:18Z', createdBy: 'carol.dev@tenant-hub.example'
    }),
    sub({
      guid: s.devSandbox2, parent: d.development, displayName: 'dev-sandbox-02', region: 'us10', usedForProduction: 'NOT_USED_FOR_PRODUCTION',
      betaEnabled: true, labels: { team: ['tenant-hub'], owner: ['frank.dev'] },
      created: '2024-03-06T09:01:33Z', createdBy: 'frank.dev@tenant-hub.example'
    }),
    sub({
      guid: s.qaEu10, parent: d.qualityAssurance, displayName: 'QA eu10', region: 'eu10', usedForProduction: 'NOT_USED_FOR_PRODUCTION',
      description: 'Integration tests against eu10.', labels: { stage: ['qa'] },
      created: '2023-06-05T08:30:00Z', createdBy: 'bob.ops@tenant-hub.example'
    }),
    sub({
      guid: s.qaUs10, parent: d.qualityAssurance, displayName: 'QA us10', region: 'us10', usedForProduction: 'NOT_USED_FOR_PRODUCTION',
      labels: { stage: ['qa'] }, created: '2023-06-05T08:31:12Z', createdBy: 'bob.ops@tenant-hub.example'
    }),
    sub({
      guid: s.loadTest, parent: d.qualityAssurance, displayName: 'Load Test', region: 'eu10', usedForProduction: 'NOT_USED_FOR_PRODUCTION',
      description: 'Load tests before each release.', labels: { stage: ['qa', 'perf'] }, state: 'UPDATING',
      stateMessage: 'Updating subaccount.', created: '2024-05-28T08:24:11Z', createdBy: 'bob.ops@tenant-hub.example'
    }),
    sub({
      guid: s.partnerDemo, parent: d.sandboxes, displayName: 'Partner Demo', region: 'eu10', usedForProduction: 'UNSET', betaEnabled: true,
      description: 'Demo landscape for implementation partners.', labels: { partner: ['initech-consulting'], EMEA: [] },
      created: '2024-04-15T13:48:00Z', createdBy: 'carol.dev@tenant-hub.example', lastModifiedBy: 'alice.admin@tenant-hub.example'
    }),
    sub({
      guid: s.trialPlayground, parent: d.sandboxes, displayName: 'Trial Playground', region: 'ap21', usedForProduction: 'UNSET',
      created: '2024-06-01T10:00:00Z', createdBy: 'frank.dev@tenant-hub.example'
    }),
    sub({
      guid: s.onboarding, parent: PROVIDER_GA, displayName: 'Umbrella Corp.', region: 'eu10', usedForProduction: 'UNSET',
      state: 'CREATING', stateMessage: 'Creating subaccount.', created: '2025-11-24T10:06:02Z', createdBy: 'alice.admin@tenant-hub.example'
    }),
    sub({
      guid: s.failedOnboarding, parent: PROVIDER_GA, displayName: 'Hooli', region: 'us10', usedForProduction: 'UNSET',
      description: 'Subdomain was already taken in us10.', state: 'CREATION_FAILED', stateMessage: 'Subaccount creation failed.',
      created: '2025-10-02T12:00:00Z', createdBy: 'bob.ops@tenant-hub.example'
    }),
    sub({
      guid: s.pendingDeletion, parent: PROVIDER_GA, displayName: 'Vandelay Industries', region: 'eu10',
      usedForProduction: 'NOT_USED_FOR_PRODUCTION',
      stateMessage: 'Subaccount is pending deletion', contractStatus: 'PENDING_FORCED_DELETION',
      forceDelete: { requested: '2025-07-07T08:05:34Z', target: '2025-07-14T08:05:34Z' },
      created: '2025-05-15T08:04:24Z', createdBy: 'alice.admin@tenant-hub.example'
    })
  ]

  const assign = (entityId: string, created: string, specs: AssignmentSpec[]) => assignments(entityId, 'SUBACCOUNT', created, specs)
  return {
    globalAccount,
    directories,
    subaccounts,
    services: serviceCatalog(),
    assignments: [
      ...assignments(d.production, 'DIRECTORY', '2023-06-01T09:20:00Z', [
        { service: CATALOG.hana.service, plan: CATALOG.hana.hana, amount: 2, autoAssign: true, autoDistributeAmount: 1 }
      ]),
      ...assign(s.provider, '2023-06-01T10:05:00Z', [
        ...PLATFORM_ASSIGNMENTS,
        CF_ENVIRONMENT,
        { service: CATALOG.cfRuntime.service, plan: CATALOG.cfRuntime.memory, amount: 8 },
        { service: CATALOG.hana.service, plan: CATALOG.hana.hana, amount: 1 },
        { service: CATALOG.saasRegistry.service, plan: CATALOG.saasRegistry.application },
        { service: CATALOG.cis.service, plan: CATALOG.cis.central },
        { service: CATALOG.xsuaa.service, plan: CATALOG.xsuaa.broker }
      ]),
      ...assign(s.acme, '2023-07-03T11:40:00Z', [...PLATFORM_ASSIGNMENTS, TENANT_HUB_SUBSCRIPTION]),
      ...assign(s.globex, '2023-09-12T15:30:00Z', [...PLATFORM_ASSIGNMENTS, TENANT_HUB_SUBSCRIPTION]),
      ...assign(s.initech, '2024-02-27T08:50:00Z', [...PLATFORM_ASSIGNMENTS, TENANT_HUB_SUBSCRIPTION]),
      ...assign(s.sharedServices, '2023-05-12T07:00:00Z', [
        ...PLATFORM_ASSIGNMENTS,
        CF_ENVIRONMENT,
        { service: CATALOG.cfRuntime.service, plan: CATALOG.cfRuntime.memory, amount: 4 },
        { service: CATALOG.hana.service, plan: CATALOG.hana.tools }
      ]),
      ...assign(s.integration, '2023-06-20T13:15:00Z', [...PLATFORM_ASSIGNMENTS, CF_ENVIRONMENT]),
      ...assign(s.devSandbox1, '2024-03-05T07:00:00Z', [
        ...PLATFORM_ASSIGNMENTS,
        CF_ENVIRONMENT,
        { service: CATALOG.cfRuntime.service, plan: CATALOG.cfRuntime.memory, amount: 2 },
        { service: CATALOG.cis.service, plan: CATALOG.cis.local, autoAssigned: true }
      ]),
      ...assign(s.qaEu10, '2023-06-05T08:35:00Z', [...PLATFORM_ASSIGNMENTS, CF_ENVIRONMENT])
    ],
    dataCenters: dataCentersOf(['eu10', 'eu20', 'us10', 'ap21'])
  }
}

export function subscriberLandscape(): GlobalAccountLandscape {
  const { directories: d, subaccounts: s } = SUBSCRIBER_SEED
  const ga = SUBSCRIBER_GLOBAL_ACCOUNT.guid
  const createdBy = 'it.admin@globex.example'
  return {
    globalAccount: {
      ...SUBSCRIBER_GLOBAL_ACCOUNT,
      description: 'Globex IT landscape',
      commercialModel: 'Consumption-based',
      consumptionBased: true,
      licenseType: 'CUSTOMER',
      geoAccess: 'EU_ACCESS',
      origin: 'ORDER',
      contractStatus: 'ACTIVE',
      entityState: 'OK',
      stateMessage: 'Global account created.',
      createdDate: at('2022-02-07T14:06:21Z'),
      modifiedDate: at('2022-02-07T14:06:37Z')
    },
    directories: [
      directory(ga, {
        guid: d.it, parent: ga, displayName: 'Globex IT', directoryType: 'FOLDER', directoryFeatures: ['DEFAULT'],
        created: '2022-03-01T09:00:00Z', createdBy
      })
    ],
    subaccounts: [
      subaccount(ga, {
        guid: s.erp, parent: ga, displayName: 'ERP Production', region: 'eu20', usedForProduction: 'USED_FOR_PRODUCTION',
        description: 'S/4HANA side-by-side extensions.', labels: { system: ['erp'] }, created: '2022-03-01T09:30:00Z', createdBy
      }),
      subaccount(ga, {
        guid: s.hr, parent: d.it, displayName: 'HR', region: 'eu10', usedForProduction: 'USED_FOR_PRODUCTION',
        created: '2022-04-11T10:12:00Z', createdBy
      }),
      subaccount(ga, {
        guid: s.dev, parent: d.it, displayName: 'Development', region: 'eu10', usedForProduction: 'NOT_USED_FOR_PRODUCTION',
        betaEnabled: true, created: '2022-04-11T10:20:00Z', createdBy
      })
    ],
    services: serviceCatalog().filter(service => service.name !== CATALOG.tenantHub.service),
    assignments: [
      ...assignments(s.erp, 'SUBACCOUNT', '2022-03-01T09:35:00Z', [
        ...PLATFORM_ASSIGNMENTS,
        CF_ENVIRONMENT,
        { service: CATALOG.hana.service, plan: CATALOG.hana.hana, amount: 2 }
      ]),
      ...assignments(s.hr, 'SUBACCOUNT', '2022-04-11T10:15:00Z', PLATFORM_ASSIGNMENTS),
      ...assignments(s.dev, 'SUBACCOUNT', '2022-04-11T10:25:00Z', [...PLATFORM_ASSIGNMENTS, CF_ENVIRONMENT])
    ],
    dataCenters: dataCentersOf(['eu10', 'eu20'])
  }
}

/**
 * The subaccount of a tenant that subscribes to tenant-hub and is not seeded (guid = technical name = tenant id),
 * at the root of the global account, with what BTP assigns to every subaccount plus the tenant-hub subscription.
 */
export function subscribingTenantSubaccount(
  globalAccountGUID: string,
  subscriber: { tenantId: string; subdomain: string },
  createdDate: number
): { subaccount: SubaccountRecord; assignments: AssignmentRecord[] } {
  return {
    subaccount: subaccount(globalAccountGUID, {
      guid: subscriber.tenantId,
      parent: globalAccountGUID,
      displayName: subscriber.subdomain,
      subdomain: subscriber.subdomain,
      region: 'eu10',
      usedForProduction: 'UNSET',
      created: new Date(createdDate).toISOString(),
      createdBy: 'saas-registry@sandbox.example'
    }),
    assignments: assignments(subscriber.tenantId, 'SUBACCOUNT', createdDate, [...PLATFORM_ASSIGNMENTS, TENANT_HUB_SUBSCRIPTION])
  }
}

/** A global account with no seed of its own: a bare global account that the generator fills. */
export function bareLandscape(guid: string, index: number): GlobalAccountLandscape {
  const subdomain = `global-account-${index + 1}-${stableSuffix(guid)}`
  return {
    globalAccount: {
      guid,
      displayName: `Global Account ${index + 1}`,
      description: 'Generated global account',
      subdomain,
      commercialModel: 'Subscription',
      consumptionBased: false,
      licenseType: 'CUSTOMER',
      geoAccess: 'STANDARD',
      origin: 'ORDER',
      contractStatus: 'ACTIVE',
      entityState: 'OK',
      stateMessage: 'Global account created.',
      createdDate: at('2024-01-01T00:00:00Z'),
      modifiedDate: at('2024-01-01T00:00:00Z')
    },
    directories: [],
    subaccounts: [],
    services: serviceCatalog(),
    assignments: [],
    dataCenters: dataCentersOf(['eu10', 'us10'])
  }
}
