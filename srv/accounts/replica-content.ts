import type {
  DataCenter,
  Directory,
  DirectoryLabel,
  Entitlement,
  GlobalAccount,
  ServicePlan,
  Subaccount,
  SubaccountLabel
} from '#cds-models/tenanthub'
import type * as cis from '../cis/index.js'

/** Which part of the CIS data a tenant's replica holds. */
export type ReplicaScope =
  /** The whole global account behind the destination (the tenant's own, or the provider's for the provider tenant). */
  | { kind: 'global-account' }
  /** Only the tenant's own subaccount (guid = tenant id) of the provider's global account, without its quotas. */
  | { kind: 'subaccount'; guid: string }

/** One sync's worth of replica rows, keyed as the database keys them (duplicates in CIS answers collapse). */
export interface ReplicaContent {
  source: cis.CisSource
  scope: ReplicaScope
  /** The global account synced; only for `global-account` scope. */
  globalAccountGuid?: string
  globalAccounts: GlobalAccount[]
  directories: Directory[]
  directoryLabels: DirectoryLabel[]
  subaccounts: Subaccount[]
  subaccountLabels: SubaccountLabel[]
  servicePlans: ServicePlan[]
  entitlements: Entitlement[]
  dataCenters: DataCenter[]
}

/** Reads what the scope covers from CIS (three calls, side by side) and turns it into replica rows. */
export async function fetchReplicaContent(client: cis.CisClient, scope: ReplicaScope): Promise<ReplicaContent> {
  return scope.kind === 'global-account' ? fetchGlobalAccount(client) : fetchSubaccount(client, scope)
}

async function fetchGlobalAccount(client: cis.CisClient): Promise<ReplicaContent> {
  const subaccounts = new SubaccountRows()
  const [tree, assignments, dataCenters] = await Promise.all([
    client.getGlobalAccountTree(subaccounts),
    client.getAssignments(),
    client.getAllowedDataCenters()
  ])
  const directories = directoriesOf(tree)
  return {
    source: client.source,
    scope: { kind: 'global-account' },
    globalAccountGuid: tree.guid,
    globalAccounts: [globalAccountRow(tree)],
    directories: directories.map(directoryRow),
    directoryLabels: directories.flatMap(directory => labelRows(directory.labels, (name, value) => ({ directory_guid: directory.guid, name, value }))),
    subaccounts: subaccounts.rows(),
    subaccountLabels: subaccounts.labelRows(),
    servicePlans: servicePlanRows(assignments, { withQuota: true }),
    entitlements: entitlementRows(assignments, { withParent: true }),
    dataCenters: unique(dataCenters, dataCenter => dataCenter.name)
  }
}

/**
 * Turns each subaccount of a global account tree into its rows as it arrives, so that the CIS objects (with
 * their custom properties and everything else the replica does not keep) are never all held at once. A guid seen
 * twice keeps its last rows.
 */
class SubaccountRows implements cis.SubaccountSink {
  readonly #byGuid = new Map<string, { row: Subaccount; labels: SubaccountLabel[] }>()

  restart(): void {
    this.#byGuid.clear()
  }

  add(subaccount: cis.Subaccount): void {
    this.#byGuid.set(subaccount.guid, {
      row: subaccountRow(subaccount),
      labels: labelRows(subaccount.labels, (name, value) => ({ subaccount_guid: subaccount.guid, name, value }))
    })
  }

  rows(): Subaccount[] {
    return [...this.#byGuid.values()].map(rows => rows.row)
  }

  labelRows(): SubaccountLabel[] {
    return [...this.#byGuid.values()].flatMap(rows => rows.labels)
  }
}

/**
 * The tenant's own subaccount of the provider's global account: nothing of the global account, its directories,
 * its other subaccounts or its quotas; of the data centers only those of the subaccount's region. The three calls
 * run side by side, so that a sync takes one round trip however slow CIS is.
 */
async function fetchSubaccount(client: cis.CisClient, scope: { kind: 'subaccount'; guid: string }): Promise<ReplicaContent> {
  const [subaccount, assignments, dataCenters] = await Promise.all([
    client.getSubaccount(scope.guid),
    client.getAssignments({ subaccountGuid: scope.guid }),
    client.getAllowedDataCenters()
  ])
  const own = (entitlement: Entitlement) => entitlement.entityId === subaccount.guid
  return {
    source: client.source,
    scope,
    globalAccounts: [],
    directories: [],
    directoryLabels: [],
    subaccounts: [subaccountRow(subaccount)],
    subaccountLabels: labelRows(subaccount.labels, (name, value) => ({ subaccount_guid: subaccount.guid, name, value })),
    servicePlans: servicePlanRows({ entitledServices: [], assignedServices: assignments.assignedServices }, { withQuota: false }),
    entitlements: entitlementRows(assignments, { withParent: false }).filter(own),
    dataCenters: unique(
      dataCenters.filter(dataCenter => dataCenter.region === subaccount.region),
      dataCenter => dataCenter.name
    )
  }
}

/** The directories at any depth of an expanded global account, each once. */
function directoriesOf(tree: cis.GlobalAccount): cis.Directory[] {
  const directories = new Map<string, cis.Directory>()
  const visit = (children: cis.Directory[] = []) => {
    for (const directory of children) {
      directories.set(directory.guid, directory)
      visit(directory.children)
    }
  }
  visit(tree.children)
  return [...directories.values()]
}

function globalAccountRow(globalAccount: cis.GlobalAccount): GlobalAccount {
  return {
    guid: globalAccount.guid,
    displayName: globalAccount.displayName,
    description: globalAccount.description,
    subdomain: globalAccount.subdomain,
    commercialModel: globalAccount.commercialModel,
    consumptionBased: globalAccount.consumptionBased,
    licenseType: globalAccount.licenseType,
    geoAccess: globalAccount.geoAccess,
    costCenter: globalAccount.costCenter,
    useFor: globalAccount.useFor,
    origin: globalAccount.origin,
    contractStatus: globalAccount.contractStatus,
    entityState_code: globalAccount.entityState as GlobalAccount['entityState_code'],
    stateMessage: globalAccount.stateMessage,
    createdDate: globalAccount.createdDate,
    modifiedDate: globalAccount.modifiedDate
  }
}

function directoryRow(directory: cis.Directory): Directory {
  return {
    guid: directory.guid,
    displayName: directory.displayName,
    description: directory.description,
    subdomain: directory.subdomain,
    // CIS codes this model does not list are kept as they are; their code-list texts are simply missing.
    directoryType_code: directory.directoryType as Directory['directoryType_code'],
    directoryFeatures: (directory.directoryFeatures ?? []) as Directory['directoryFeatures'],
    entityState_code: directory.entityState as Directory['entityState_code'],
    stateMessage: directory.stateMessage,
    contractStatus: directory.contractStatus,
    globalAccount_guid: directory.globalAccountGUID,
    parent_guid: parentDirectoryOf(directory),
    parentType: directory.parentType,
    createdDate: directory.createdDate,
    createdBy: directory.createdBy,
    modifiedDate: directory.modifiedDate
  }
}

function subaccountRow(subaccount: cis.Subaccount): Subaccount {
  return {
    guid: subaccount.guid,
    technicalName: subaccount.technicalName,
    displayName: subaccount.displayName,
    description: subaccount.description,
    subdomain: subaccount.subdomain,
    region: subaccount.region,
    betaEnabled: subaccount.betaEnabled,
    usedForProduction_code: subaccount.usedForProduction as Subaccount['usedForProduction_code'],
    state_code: subaccount.state as Subaccount['state_code'],
    stateMessage: subaccount.stateMessage,
    contractStatus: subaccount.contractStatus,
    globalAccount_guid: subaccount.globalAccountGUID,
    directory_guid: parentDirectoryOf(subaccount),
    parentType: subaccount.parentType,
    createdDate: subaccount.createdDate,
    createdBy: subaccount.createdBy,
    modifiedDate: subaccount.modifiedDate,
    lastModifiedBy: subaccount.lastModifiedBy,
    forceDeleteRequestTime: subaccount.forceDeleteRequestTime,
    forceDeleteTargetTime: subaccount.forceDeleteTargetTime
  }
}

/** The parent directory's guid; `null` when the parent is the global account itself. */
function parentDirectoryOf(account: { parentGUID: string; globalAccountGUID: string }): string | null {
  return account.parentGUID && account.parentGUID !== account.globalAccountGUID ? account.parentGUID : null
}

/** One row per label value; a key without values becomes one row with an empty value. */
function labelRows<T>(labels: cis.Labels | undefined, row: (name: string, value: string) => T): T[] {
  return Object.entries(labels ?? {}).flatMap(([name, values]) => (values.length ? [...new Set(values)] : ['']).map(value => row(name, value)))
}

/**
 * The entitled plans with their quota (`withQuota`), plus every assigned plan the entitled list lacks. Without
 * quota: only the assigned plans, described but with no amounts of the global account.
 */
function servicePlanRows(assignments: cis.Assignments, options: { withQuota: boolean }): ServicePlan[] {
  const plans = new Map<string, ServicePlan>()
  for (const service of assignments.entitledServices) {
    for (const plan of service.servicePlans) {
      plans.set(planKey(service.name, plan.name), {
        ...serviceColumns(service),
        name: plan.name,
        displayName: plan.displayName,
        description: plan.description,
        uniqueIdentifier: plan.uniqueIdentifier,
        category: plan.category,
        beta: plan.beta,
        unlimited: plan.unlimited,
        amount: options.withQuota ? plan.amount : null,
        remainingAmount: options.withQuota ? plan.remainingAmount : null,
        provisioningMethod: plan.provisioningMethod,
        maxAllowedSubaccountQuota: plan.maxAllowedSubaccountQuota,
        autoAssign: plan.autoAssign,
        autoDistributeAmount: plan.autoDistributeAmount,
        providedBy: plan.providedBy
      })
    }
  }
  for (const service of assignments.assignedServices) {
    for (const plan of service.servicePlans) {
      const key = planKey(service.name, plan.name)
      if (plans.has(key)) continue
      plans.set(key, {
        ...serviceColumns(service),
        name: plan.name,
        displayName: plan.displayName,
        uniqueIdentifier: plan.uniqueIdentifier,
        category: plan.category,
        beta: plan.beta,
        unlimited: plan.unlimited,
        maxAllowedSubaccountQuota: plan.maxAllowedSubaccountQuota
      })
    }
  }
  return [...plans.values()]
}

function serviceColumns(service: cis.EntitledService | cis.AssignedService): ServicePlan {
  return {
    serviceName: service.name,
    serviceDisplayName: service.displayName,
    serviceDescription: 'description' in service ? service.description : undefined,
    ownerType: service.ownerType,
    businessCategory: service.businessCategory?.id,
    businessCategoryName: service.businessCategory?.displayName
  }
}

/** Every assignment of every assigned plan; `withParent` keeps where the quota comes from and how much is left. */
function entitlementRows(assignments: cis.Assignments, options: { withParent: boolean }): Entitlement[] {
  const rows = new Map<string, Entitlement>()
  for (const service of assignments.assignedServices) {
    for (const plan of service.servicePlans) {
      for (const info of plan.assignmentInfo) {
        rows.set(`${planKey(service.name, plan.name)}/${info.entityId}`, {
          servicePlan_serviceName: service.name,
          servicePlan_name: plan.name,
          entityId: info.entityId,
          entityType: info.entityType,
          subaccount_guid: info.entityType === 'SUBACCOUNT' ? info.entityId : null,
          directory_guid: info.entityType === 'DIRECTORY' ? info.entityId : null,
          amount: info.amount,
          requestedAmount: info.requestedAmount,
          unlimitedAmountAssigned: info.unlimitedAmountAssigned,
          autoAssigned: info.autoAssigned,
          autoAssign: info.autoAssign,
          autoDistributeAmount: info.autoDistributeAmount,
          entityState: info.entityState,
          stateMessage: info.stateMessage,
          ...(options.withParent
            ? {
                parentId: info.parentId,
                parentType: info.parentType,
                parentAmount: info.parentAmount,
                parentRemainingAmount: info.parentRemainingAmount
              }
            : {}),
          createdDate: info.createdDate,
          modifiedDate: info.modifiedDate
        })
      }
    }
  }
  return [...rows.values()]
}

function planKey(serviceName: string, planName: string): string {
  return `${serviceName}/${planName}`
}

function unique<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  return [...new Map(items.map(item => [keyOf(item), item])).values()]
}
