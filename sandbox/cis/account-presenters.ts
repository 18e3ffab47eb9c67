/**
 * Store records → accounts-service wire objects. Field order follows the btp-terraform recordings; fields the
 * real service leaves unset are absent, not null (except a description stored as null).
 */
import type { CisStore, DirectoryRecord, GlobalAccountRecord, Labels, SubaccountRecord } from './store.js'
import type {
  DirectoryResponse,
  GlobalAccountResponse,
  ParentType,
  PropertyResponse,
  SubaccountResponse
} from './wire-types.js'

export interface SubaccountView {
  /** The single-subaccount GET adds `closestEntitlementManagedParentGUID`. */
  single?: boolean
}

export function presentSubaccount(store: CisStore, subaccount: SubaccountRecord, view: SubaccountView = {}): SubaccountResponse {
  const parent = store.directory(subaccount.globalAccountGUID, subaccount.parentGUID)
  return withoutUndefined({
    guid: subaccount.guid,
    technicalName: subaccount.technicalName,
    displayName: subaccount.displayName,
    globalAccountGUID: subaccount.globalAccountGUID,
    parentGUID: subaccount.parentGUID,
    parentType: parentTypeOf(parent),
    closestEntitlementManagedParentGUID: view.single ? closestEntitlementManagedParent(store, subaccount) : undefined,
    parentFeatures: parent ? [...parent.directoryFeatures] : undefined,
    region: subaccount.region,
    subdomain: subaccount.subdomain,
    betaEnabled: subaccount.betaEnabled,
    usedForProduction: subaccount.usedForProduction,
    description: subaccount.description,
    state: subaccount.state,
    stateMessage: subaccount.stateMessage,
    customProperties: customPropertiesOf(subaccount.guid, subaccount.labels),
    labels: nonEmptyLabels(subaccount.labels),
    createdDate: subaccount.createdDate,
    createdBy: subaccount.createdBy,
    modifiedDate: subaccount.modifiedDate,
    contractStatus: subaccount.contractStatus,
    forceDeleteRequestTime: subaccount.forceDeleteRequestTime,
    forceDeleteTargetTime: subaccount.forceDeleteTargetTime,
    lastModifiedBy: subaccount.lastModifiedBy
  })
}

export interface TreeView {
  /** `expand=true`: nest the directories and subaccounts below. */
  expand?: boolean
}

export function presentDirectory(store: CisStore, directory: DirectoryRecord, view: TreeView = {}): DirectoryResponse {
  const parent = store.directory(directory.globalAccountGUID, directory.parentGUID)
  const contents: ExpandedContents = view.expand ? presentChildren(store, directory.globalAccountGUID, directory.guid) : {}
  return withoutUndefined({
    guid: directory.guid,
    parentGuid: directory.parentGUID,
    parentGUID: directory.parentGUID,
    parentType: parentTypeOf(parent),
    globalAccountGUID: directory.globalAccountGUID,
    displayName: directory.displayName,
    description: directory.description,
    createdDate: directory.createdDate,
    createdBy: directory.createdBy,
    modifiedDate: directory.modifiedDate,
    entityState: directory.entityState,
    stateMessage: directory.stateMessage,
    // A directory has its own subdomain (its guid) only when it manages authorizations.
    subdomain: directory.directoryFeatures.includes('AUTHORIZATIONS') ? directory.guid : undefined,
    directoryType: directory.directoryType,
    directoryFeatures: [...directory.directoryFeatures],
    customProperties: customPropertiesOf(directory.guid, directory.labels),
    labels: nonEmptyLabels(directory.labels),
    contractStatus: directory.contractStatus,
    ...contents
  })
}

export function presentGlobalAccount(store: CisStore, globalAccount: GlobalAccountRecord, view: TreeView = {}): GlobalAccountResponse {
  const contents: ExpandedContents = view.expand ? presentChildren(store, globalAccount.guid, globalAccount.guid) : {}
  return withoutUndefined({
    commercialModel: globalAccount.commercialModel,
    consumptionBased: globalAccount.consumptionBased,
    licenseType: globalAccount.licenseType,
    geoAccess: globalAccount.geoAccess,
    costCenter: globalAccount.costCenter,
    useFor: globalAccount.useFor,
    origin: globalAccount.origin,
    guid: globalAccount.guid,
    displayName: globalAccount.displayName,
    description: globalAccount.description,
    createdDate: globalAccount.createdDate,
    modifiedDate: globalAccount.modifiedDate,
    children: contents.children,
    entityState: globalAccount.entityState,
    stateMessage: globalAccount.stateMessage,
    subdomain: globalAccount.subdomain,
    subaccounts: contents.subaccounts,
    contractStatus: globalAccount.contractStatus
  })
}

/** The labels as the labels endpoints return them (`{}` when there are none). */
export function labelsOf(labels: Labels | undefined): Labels {
  return labels ?? {}
}

type ExpandedContents = Pick<DirectoryResponse, 'children' | 'subaccounts'>

/** The recordings show `children`/`subaccounts` of an expanded directory only when they are not empty. */
function presentChildren(store: CisStore, globalAccountGuid: string, parentGuid: string): ExpandedContents {
  const { directories, subaccounts } = store.children(globalAccountGuid, parentGuid)
  return {
    children: directories.length ? directories.map(child => presentDirectory(store, child, { expand: true })) : undefined,
    subaccounts: subaccounts.length ? subaccounts.map(subaccount => presentSubaccount(store, subaccount)) : undefined
  }
}

function parentTypeOf(parent: DirectoryRecord | undefined): ParentType {
  return parent ? parent.directoryType : 'ROOT'
}

/** The nearest ancestor directory that manages entitlements, else the global account. */
function closestEntitlementManagedParent(store: CisStore, subaccount: SubaccountRecord): string {
  let directory = store.directory(subaccount.globalAccountGUID, subaccount.parentGUID)
  while (directory) {
    if (directory.directoryFeatures.includes('ENTITLEMENTS')) return directory.guid
    directory = store.directory(directory.globalAccountGUID, directory.parentGUID)
  }
  return subaccount.globalAccountGUID
}

function customPropertiesOf(accountGUID: string, labels: Labels | undefined): PropertyResponse[] | undefined {
  const entries = Object.entries(labels ?? {})
  if (!entries.length) return undefined
  return entries.map(([key, values]) => ({ accountGUID, key, value: values[0] ?? '' }))
}

function nonEmptyLabels(labels: Labels | undefined): Labels | undefined {
  return labels && Object.keys(labels).length ? labels : undefined
}

/** Drops the keys whose value is `undefined` (keeps `null`), so unset fields are absent on the wire. */
function withoutUndefined<T extends object>(object: T): T {
  for (const key of Object.keys(object) as (keyof T)[]) {
    if (object[key] === undefined) delete object[key]
  }
  return object
}
