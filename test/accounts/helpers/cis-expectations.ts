/**
 * What the sandbox's CIS answers for an account, in the shape AccountService serves it: the simulator's own wire
 * objects (its presenters), with every epoch-millisecond date as an ISO timestamp and CIS field names mapped to the
 * replica's (`state` → `state_code`, parent → `directory_guid`/`parent_guid`, labels one row per value).
 */
import { presentDirectory, presentGlobalAccount, presentSubaccount } from '../../../sandbox/cis/account-presenters.js'
import { presentAssignments } from '../../../sandbox/cis/entitlement-presenters.js'
import type { CisSandbox } from '../../../sandbox/cis/index.js'

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString())

export function expectedGlobalAccount(cis: CisSandbox, guid: string) {
  const wire = presentGlobalAccount(cis.store, cis.store.globalAccount(guid)!)
  return {
    guid: wire.guid,
    displayName: wire.displayName,
    description: wire.description,
    subdomain: wire.subdomain,
    commercialModel: wire.commercialModel,
    consumptionBased: wire.consumptionBased,
    licenseType: wire.licenseType,
    geoAccess: wire.geoAccess,
    costCenter: wire.costCenter ?? null,
    useFor: wire.useFor ?? null,
    origin: wire.origin,
    contractStatus: wire.contractStatus,
    entityState_code: wire.entityState,
    stateMessage: wire.stateMessage,
    createdDate: iso(wire.createdDate),
    modifiedDate: iso(wire.modifiedDate)
  }
}

export function expectedDirectory(cis: CisSandbox, globalAccountGuid: string, guid: string) {
  const wire = presentDirectory(cis.store, cis.store.directory(globalAccountGuid, guid)!)
  return {
    guid: wire.guid,
    displayName: wire.displayName,
    description: wire.description ?? null,
    subdomain: wire.subdomain ?? null,
    directoryType_code: wire.directoryType,
    directoryFeatures: wire.directoryFeatures,
    entityState_code: wire.entityState,
    stateMessage: wire.stateMessage,
    contractStatus: wire.contractStatus,
    globalAccount_guid: wire.globalAccountGUID,
    parent_guid: wire.parentGUID === wire.globalAccountGUID ? null : wire.parentGUID,
    parentType: wire.parentType,
    createdDate: iso(wire.createdDate),
    createdBy: wire.createdBy,
    modifiedDate: iso(wire.modifiedDate)
  }
}

export function expectedSubaccount(cis: CisSandbox, globalAccountGuid: string, guid: string) {
  const wire = presentSubaccount(cis.store, cis.store.subaccount(globalAccountGuid, guid)!)
  return {
    guid: wire.guid,
    technicalName: wire.technicalName,
    displayName: wire.displayName,
    description: wire.description ?? null,
    subdomain: wire.subdomain,
    region: wire.region,
    betaEnabled: wire.betaEnabled,
    usedForProduction_code: wire.usedForProduction,
    state_code: wire.state,
    stateMessage: wire.stateMessage,
    contractStatus: wire.contractStatus,
    globalAccount_guid: wire.globalAccountGUID,
    directory_guid: wire.parentGUID === wire.globalAccountGUID ? null : wire.parentGUID,
    parentType: wire.parentType,
    createdDate: iso(wire.createdDate),
    createdBy: wire.createdBy,
    modifiedDate: iso(wire.modifiedDate),
    lastModifiedBy: wire.lastModifiedBy,
    forceDeleteRequestTime: iso(wire.forceDeleteRequestTime),
    forceDeleteTargetTime: iso(wire.forceDeleteTargetTime)
  }
}

/** Label rows of an account as CIS lists them: one per value, `''` for a key without values. */
export function expectedLabels(labels: Record<string, string[]> | undefined): Array<{ name: string; value: string }> {
  return Object.entries(labels ?? {})
    .flatMap(([name, values]) => (values.length ? values : ['']).map(value => ({ name, value })))
    .sort((a, b) => a.name.localeCompare(b.name) || a.value.localeCompare(b.value))
}

/** The entitlement (assignment) of one plan to one subaccount or directory, as the entitlements service lists it. */
export function expectedEntitlement(cis: CisSandbox, globalAccountGuid: string, serviceName: string, planName: string, entityId: string) {
  const answer = presentAssignments(cis.store, globalAccountGuid, { includeAutoManagedPlans: true, entitledServicesOnly: false })
  const plan = answer.assignedServices.find(service => service.name === serviceName)?.servicePlans.find(candidate => candidate.name === planName)
  const info = plan?.assignmentInfo.find(assignment => assignment.entityId === entityId)
  if (!info) throw new Error(`CIS lists no assignment of ${serviceName}/${planName} to ${entityId}`)
  return {
    servicePlan_serviceName: serviceName,
    servicePlan_name: planName,
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
    parentId: info.parentId,
    parentType: info.parentType,
    parentAmount: info.parentAmount,
    parentRemainingAmount: info.parentRemainingAmount,
    createdDate: iso(info.createdDate),
    modifiedDate: iso(info.modifiedDate)
  }
}

/** The service plan the global account is entitled to, with its quota. */
export function expectedServicePlan(cis: CisSandbox, globalAccountGuid: string, serviceName: string, planName: string) {
  const answer = presentAssignments(cis.store, globalAccountGuid, { includeAutoManagedPlans: true, entitledServicesOnly: true })
  const service = answer.entitledServices.find(candidate => candidate.name === serviceName)!
  const plan = service.servicePlans.find(candidate => candidate.name === planName)!
  return {
    serviceName: service.name,
    name: plan.name,
    serviceDisplayName: service.displayName,
    serviceDescription: service.description,
    ownerType: service.ownerType,
    businessCategory: service.businessCategory.id,
    businessCategoryName: service.businessCategory.displayName,
    displayName: plan.displayName,
    description: plan.description,
    uniqueIdentifier: plan.uniqueIdentifier,
    category: plan.category,
    beta: plan.beta,
    unlimited: plan.unlimited,
    amount: plan.amount,
    remainingAmount: plan.remainingAmount,
    provisioningMethod: plan.provisioningMethod,
    maxAllowedSubaccountQuota: plan.maxAllowedSubaccountQuota,
    autoAssign: plan.autoAssign,
    autoDistributeAmount: plan.autoDistributeAmount,
    providedBy: plan.providedBy
  }
}
