/**
 * CIS resources as `CisClient` returns them (WIRE-REFERENCE §B.2, §B.3): the wire shapes with every epoch-millisecond
 * date converted to an ISO timestamp. Optional fields are the ones CIS leaves out when unset; fields tenant-hub does
 * not read are omitted.
 */

/** ISO 8601 timestamp in UTC, converted from CIS epoch milliseconds. */
export type Timestamp = string

export type Labels = Record<string, string[]>

export interface GlobalAccount {
  guid: string
  displayName: string
  description?: string
  subdomain: string
  commercialModel?: string
  consumptionBased?: boolean
  licenseType?: string
  geoAccess?: string
  costCenter?: string
  useFor?: string
  origin?: string
  contractStatus?: string
  entityState: string
  stateMessage?: string
  createdDate?: Timestamp
  modifiedDate?: Timestamp
  /** With `expand`: the top-level directories, each with its own `children` and `subaccounts`. */
  children?: Directory[]
  /** With `expand`: the subaccounts directly under the global account. */
  subaccounts?: Subaccount[]
}

export interface Directory {
  guid: string
  globalAccountGUID: string
  /** The parent directory, or the global account for a top-level directory. */
  parentGUID: string
  parentType: string
  displayName: string
  description?: string
  subdomain?: string
  directoryType?: string
  directoryFeatures?: string[]
  entityState: string
  stateMessage?: string
  contractStatus?: string
  labels?: Labels
  createdDate?: Timestamp
  createdBy?: string
  modifiedDate?: Timestamp
  children?: Directory[]
  subaccounts?: Subaccount[]
}

export interface Subaccount {
  guid: string
  technicalName?: string
  displayName: string
  globalAccountGUID: string
  /** The parent directory, or the global account for a subaccount at the root. */
  parentGUID: string
  parentType: string
  region: string
  subdomain: string
  betaEnabled?: boolean
  usedForProduction?: string
  description?: string | null
  state: string
  stateMessage?: string
  contractStatus?: string
  labels?: Labels
  createdDate?: Timestamp
  createdBy?: string | null
  modifiedDate?: Timestamp
  lastModifiedBy?: string
  forceDeleteRequestTime?: Timestamp
  forceDeleteTargetTime?: Timestamp
}

export interface BusinessCategory {
  id: string
  displayName: string
}

export interface EntitledServicePlan {
  name: string
  displayName: string
  description?: string
  uniqueIdentifier: string
  category: string
  beta: boolean
  amount: number
  remainingAmount: number
  unlimited: boolean
  provisioningMethod?: string
  maxAllowedSubaccountQuota?: number
  autoAssign?: boolean
  autoDistributeAmount?: number
  providedBy?: string
}

export interface EntitledService {
  name: string
  displayName: string
  description?: string
  ownerType?: string
  businessCategory?: BusinessCategory
  servicePlans: EntitledServicePlan[]
}

export interface AssignmentInfo {
  entityId: string
  entityType: 'SUBACCOUNT' | 'DIRECTORY'
  amount: number
  requestedAmount?: number
  entityState: string
  stateMessage?: string
  autoAssigned?: boolean
  autoAssign?: boolean
  autoDistributeAmount?: number
  unlimitedAmountAssigned?: boolean
  parentId?: string
  parentType?: string
  parentAmount?: number
  parentRemainingAmount?: number
  createdDate?: Timestamp
  modifiedDate?: Timestamp
}

export interface AssignedServicePlan {
  name: string
  displayName: string
  uniqueIdentifier: string
  category: string
  beta: boolean
  unlimited: boolean
  maxAllowedSubaccountQuota?: number
  assignmentInfo: AssignmentInfo[]
}

export interface AssignedService {
  name: string
  displayName: string
  ownerType?: string
  businessCategory?: BusinessCategory
  servicePlans: AssignedServicePlan[]
}

/** `GET /entitlements/v1/assignments`. */
export interface Assignments {
  entitledServices: EntitledService[]
  assignedServices: AssignedService[]
}

export interface DataCenter {
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

/** `{"error":{…}}` of every CIS API. */
export interface CisErrorEnvelope {
  error: {
    code: number
    message: string
    target?: string
    correlationID?: string
    details?: Array<{ code: number; message: string }>
  }
}
