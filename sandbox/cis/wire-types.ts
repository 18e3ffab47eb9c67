/**
 * Response bodies of the accounts and entitlements services as they appear on the wire (WIRE-REFERENCE §B.2,
 * §B.3; field names as in the btp-terraform recordings). Dates are epoch-millisecond numbers; optional fields are
 * absent when unset.
 */
import type { DirectoryFeature, DirectoryType, Labels, UsedForProduction } from './store.js'

export type ParentType = 'ROOT' | DirectoryType

/** Deprecated single-valued view of the labels: the first value per key (`""` for a key without values). */
export interface PropertyResponse {
  accountGUID: string
  key: string
  value: string
}

export interface SubaccountResponse {
  guid: string
  technicalName: string
  displayName: string
  globalAccountGUID: string
  parentGUID: string
  parentType: ParentType
  /** Only on `GET /subaccounts/{guid}`. */
  closestEntitlementManagedParentGUID?: string
  /** Only when the parent is a directory. */
  parentFeatures?: DirectoryFeature[]
  region: string
  subdomain: string
  betaEnabled: boolean
  usedForProduction: UsedForProduction
  description?: string | null
  state: string
  stateMessage: string
  customProperties?: PropertyResponse[]
  labels?: Labels
  createdDate: number
  createdBy: string
  modifiedDate: number
  contractStatus: string
  forceDeleteRequestTime?: number
  forceDeleteTargetTime?: number
  lastModifiedBy: string
}

export interface DirectoryResponse {
  guid: string
  parentGuid: string
  parentGUID: string
  parentType: ParentType
  globalAccountGUID: string
  displayName: string
  description?: string
  createdDate: number
  createdBy: string
  modifiedDate: number
  entityState: string
  stateMessage: string
  /** Only with the AUTHORIZATIONS feature. */
  subdomain?: string
  directoryType: DirectoryType
  directoryFeatures: DirectoryFeature[]
  customProperties?: PropertyResponse[]
  labels?: Labels
  contractStatus: string
  /** With `expand=true`, when not empty. */
  children?: DirectoryResponse[]
  subaccounts?: SubaccountResponse[]
}

export interface GlobalAccountResponse {
  commercialModel: string
  consumptionBased: boolean
  licenseType: string
  geoAccess: string
  costCenter?: string
  useFor?: string
  origin: string
  guid: string
  displayName: string
  description: string
  createdDate: number
  modifiedDate: number
  /** With `expand=true`: the top-level directories, each with its nested children and subaccounts. */
  children?: DirectoryResponse[]
  entityState: string
  stateMessage: string
  subdomain: string
  /** With `expand=true`: the subaccounts directly under the global account. */
  subaccounts?: SubaccountResponse[]
  contractStatus: string
}

export interface LabelsResponse {
  labels: Labels
}

export interface SubaccountsResponse {
  value: SubaccountResponse[]
}

export interface ServicePlanResponse {
  name: string
  displayName: string
  description: string
  uniqueIdentifier: string
  category: string
  beta: boolean
  amount: number
  remainingAmount: number
  unlimited: boolean
  provisioningMethod: string
  maxAllowedSubaccountQuota: number
  autoAssign: boolean
  autoDistributeAmount: number
  availableForInternal: boolean
  internalQuotaLimit: number
  providedBy: string
  sourceEntitlements: []
  dataCenters: []
  resources: []
}

export interface EntitledServiceResponse {
  name: string
  displayName: string
  description: string
  ownerType: string
  businessCategory: { id: string; displayName: string }
  servicePlans: ServicePlanResponse[]
}

export interface AssignmentInfoResponse {
  entityId: string
  entityType: 'SUBACCOUNT' | 'DIRECTORY'
  amount: number
  requestedAmount: number
  entityState: string
  stateMessage: string
  autoAssigned: boolean
  autoAssign: boolean
  autoDistributeAmount: number
  unlimitedAmountAssigned: boolean
  parentId: string
  parentType: 'GLOBAL_ACCOUNT'
  parentAmount: number
  parentRemainingAmount: number
  createdDate: number
  modifiedDate: number
  resources: []
}

export interface AssignedServicePlanResponse {
  name: string
  displayName: string
  uniqueIdentifier: string
  category: string
  beta: boolean
  unlimited: boolean
  maxAllowedSubaccountQuota: number
  assignmentInfo: AssignmentInfoResponse[]
}

export interface AssignedServiceResponse {
  name: string
  displayName: string
  businessCategory: { id: string; displayName: string }
  ownerType: string
  servicePlans: AssignedServicePlanResponse[]
}

export interface AssignmentsResponse {
  entitledServices: EntitledServiceResponse[]
  assignedServices: AssignedServiceResponse[]
  fetchErrorFromExternalProviderRegistry: boolean
}

export interface DataCenterResponse {
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

export interface DataCentersResponse {
  datacenters: DataCenterResponse[]
}

export interface CisErrorDetail {
  code: number
  message: string
}

/** `{"error":{…}}` of every CIS API. */
export interface CisErrorBody {
  error: {
    code: number
    message: string
    target?: string
    correlationID: string
    details?: CisErrorDetail[]
  }
}
