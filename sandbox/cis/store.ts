/**
 * The CIS simulator's state: per global account its directory tree, subaccounts, service catalog, entitlement
 * assignments and allowed data centers. Records hold what the real service stores; derived wire fields
 * (`parentType`, `parentFeatures`, `customProperties`, `remainingAmount`, …) are computed by the presenters.
 * Dates are epoch milliseconds, as on the wire.
 */

export type Labels = Record<string, string[]>
export type DirectoryType = 'FOLDER' | 'PROJECT' | 'GROUP'
export type DirectoryFeature = 'DEFAULT' | 'ENTITLEMENTS' | 'AUTHORIZATIONS'
export type UsedForProduction = 'UNSET' | 'NOT_USED_FOR_PRODUCTION' | 'USED_FOR_PRODUCTION'

export interface GlobalAccountRecord {
  guid: string
  displayName: string
  /** Required by the spec; every recorded global account has one. */
  description: string
  subdomain: string
  commercialModel: string
  consumptionBased: boolean
  licenseType: string
  geoAccess: 'STANDARD' | 'EU_ACCESS'
  costCenter?: string
  useFor?: string
  origin: 'ORDER' | 'OPERATOR' | 'REGION_SETUP'
  contractStatus: string
  entityState: string
  stateMessage: string
  createdDate: number
  modifiedDate: number
}

export interface DirectoryRecord {
  guid: string
  globalAccountGUID: string
  /** The parent directory, or the global account for a top-level directory. */
  parentGUID: string
  displayName: string
  description?: string
  directoryType: DirectoryType
  directoryFeatures: DirectoryFeature[]
  entityState: string
  stateMessage: string
  contractStatus: string
  createdDate: number
  createdBy: string
  modifiedDate: number
  labels?: Labels
}

export interface SubaccountRecord {
  guid: string
  technicalName: string
  displayName: string
  globalAccountGUID: string
  /** The parent directory, or the global account for a subaccount at the root. */
  parentGUID: string
  region: string
  subdomain: string
  betaEnabled: boolean
  usedForProduction: UsedForProduction
  /** Absent when never set; `null` where the real service sends an explicit null. */
  description?: string | null
  state: string
  stateMessage: string
  contractStatus: string
  createdDate: number
  createdBy: string
  modifiedDate: number
  lastModifiedBy: string
  labels?: Labels
  forceDeleteRequestTime?: number
  forceDeleteTargetTime?: number
}

export interface ServicePlanRecord {
  name: string
  displayName: string
  description: string
  uniqueIdentifier: string
  category: string
  beta: boolean
  unlimited: boolean
  /** Quota entitled to the global account. */
  amount: number
  provisioningMethod: string
  maxAllowedSubaccountQuota: number
  providedBy: string
  autoAssign: boolean
  autoDistributeAmount: number
  /** A plan the platform entitles and assigns by itself; listed only with `includeAutoManagedPlans=true`. */
  autoManaged: boolean
}

export interface ServiceRecord {
  name: string
  displayName: string
  description: string
  ownerType: 'VENDOR' | 'CUSTOMER' | 'PARTNER'
  businessCategory: { id: string; displayName: string }
  plans: ServicePlanRecord[]
}

/** One service plan assigned to one subaccount or directory. */
export interface AssignmentRecord {
  serviceName: string
  planName: string
  entityId: string
  entityType: 'SUBACCOUNT' | 'DIRECTORY'
  amount: number
  unlimitedAmountAssigned: boolean
  autoAssigned: boolean
  autoAssign: boolean
  autoDistributeAmount: number
  entityState: string
  stateMessage: string
  createdDate: number
  modifiedDate: number
}

export interface DataCenterRecord {
  name: string
  displayName: string
  region: string
  environment: string
  iaasProvider: string
  supportsTrial: boolean
  provisioningServiceUrl: string
  saasRegistryServiceUrl: string
  domain: string
  geoAccess: string
}

/** Everything one global account holds. */
export interface GlobalAccountLandscape {
  globalAccount: GlobalAccountRecord
  directories: DirectoryRecord[]
  subaccounts: SubaccountRecord[]
  services: ServiceRecord[]
  assignments: AssignmentRecord[]
  dataCenters: DataCenterRecord[]
}

/** What a directory or the global account directly contains. */
export interface AccountChildren {
  directories: readonly DirectoryRecord[]
  subaccounts: readonly SubaccountRecord[]
}

/**
 * Read access per global account: a lookup never crosses global accounts, so a guid of another global account
 * is simply not found. Returned records are the stored ones; callers must not change them.
 */
export interface CisStore {
  /** Replaces the whole content. */
  load(landscapes: readonly GlobalAccountLandscape[]): void
  /** Adds a subaccount (and its assignments) to a loaded global account; a guid it has already is refused. */
  addSubaccount(subaccount: SubaccountRecord, assignments?: readonly AssignmentRecord[]): void
  globalAccounts(): readonly GlobalAccountRecord[]
  globalAccount(guid: string): GlobalAccountRecord | undefined
  directories(globalAccountGuid: string): readonly DirectoryRecord[]
  directory(globalAccountGuid: string, guid: string): DirectoryRecord | undefined
  /** All subaccounts of the global account, in creation order. */
  subaccounts(globalAccountGuid: string): readonly SubaccountRecord[]
  subaccount(globalAccountGuid: string, guid: string): SubaccountRecord | undefined
  /** Direct children of a directory, or of the root when `parentGuid` is the global account's guid. */
  children(globalAccountGuid: string, parentGuid: string): AccountChildren
  services(globalAccountGuid: string): readonly ServiceRecord[]
  assignments(globalAccountGuid: string): readonly AssignmentRecord[]
  dataCenters(globalAccountGuid: string): readonly DataCenterRecord[]
}
