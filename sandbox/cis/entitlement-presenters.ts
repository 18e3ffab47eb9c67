/**
 * Store records → entitlements-service wire objects (WIRE-REFERENCE §B.3). Remaining amounts are computed from
 * the assignments, so quota figures stay consistent with what `assignedServices` lists.
 */
import type { AssignmentRecord, CisStore, ServicePlanRecord, ServiceRecord } from './store.js'
import type {
  AssignedServiceResponse,
  AssignmentInfoResponse,
  AssignmentsResponse,
  EntitledServiceResponse
} from './wire-types.js'

export interface AssignmentSelection {
  /** Only assignments of this subaccount. */
  subaccountGuid?: string
  /** Only assignments of this directory and of the directories and subaccounts below it. */
  directoryGuid?: string
  includeAutoManagedPlans: boolean
  /** Leave `assignedServices` empty. */
  entitledServicesOnly: boolean
}

export function presentAssignments(store: CisStore, globalAccountGuid: string, selection: AssignmentSelection): AssignmentsResponse {
  const services = store.services(globalAccountGuid)
  const assignments = store.assignments(globalAccountGuid)
  const remaining = remainingAmounts(services, assignments)
  const listed = (plan: ServicePlanRecord) => selection.includeAutoManagedPlans || !plan.autoManaged
  const selected = groupByPlan(
    selection.entitledServicesOnly ? [] : assignments.filter(assignment => isSelected(store, globalAccountGuid, assignment, selection))
  )

  return {
    entitledServices: services
      .map(service => entitledService(service, service.plans.filter(listed), remaining))
      .filter(service => service.servicePlans.length > 0),
    assignedServices: services
      .map(service => assignedService(globalAccountGuid, service, service.plans.filter(listed), selected, remaining))
      .filter(service => service.servicePlans.length > 0),
    fetchErrorFromExternalProviderRegistry: false
  }
}

function entitledService(
  service: ServiceRecord,
  plans: ServicePlanRecord[],
  remaining: Map<string, number>
): EntitledServiceResponse {
  return {
    name: service.name,
    displayName: service.displayName,
    description: service.description,
    ownerType: service.ownerType,
    businessCategory: { ...service.businessCategory },
    servicePlans: plans.map(plan => ({
      name: plan.name,
      displayName: plan.displayName,
      description: plan.description,
      uniqueIdentifier: plan.uniqueIdentifier,
      category: plan.category,
      beta: plan.beta,
      amount: plan.amount,
      remainingAmount: remaining.get(planKey(service.name, plan.name)) ?? plan.amount,
      unlimited: plan.unlimited,
      provisioningMethod: plan.provisioningMethod,
      maxAllowedSubaccountQuota: plan.maxAllowedSubaccountQuota,
      autoAssign: plan.autoAssign,
      autoDistributeAmount: plan.autoDistributeAmount,
      availableForInternal: false,
      internalQuotaLimit: 0,
      providedBy: plan.providedBy,
      sourceEntitlements: [],
      dataCenters: [],
      resources: []
    }))
  }
}

function assignedService(
  globalAccountGuid: string,
  service: ServiceRecord,
  plans: ServicePlanRecord[],
  selected: Map<string, AssignmentRecord[]>,
  remaining: Map<string, number>
): AssignedServiceResponse {
  const servicePlans = plans
    .map(plan => {
      const key = planKey(service.name, plan.name)
      const parentRemainingAmount = remaining.get(key) ?? plan.amount
      const assignmentInfo = (selected.get(key) ?? []).map(assignment =>
        assignmentInfoOf(globalAccountGuid, assignment, plan, parentRemainingAmount)
      )
      return {
        name: plan.name,
        displayName: plan.displayName,
        uniqueIdentifier: plan.uniqueIdentifier,
        category: plan.category,
        beta: plan.beta,
        unlimited: plan.unlimited,
        maxAllowedSubaccountQuota: plan.maxAllowedSubaccountQuota,
        assignmentInfo
      }
    })
    .filter(plan => plan.assignmentInfo.length > 0)
  return {
    name: service.name,
    displayName: service.displayName,
    businessCategory: { ...service.businessCategory },
    ownerType: service.ownerType,
    servicePlans
  }
}

function assignmentInfoOf(
  globalAccountGuid: string,
  assignment: AssignmentRecord,
  plan: ServicePlanRecord,
  parentRemainingAmount: number
): AssignmentInfoResponse {
  return {
    entityId: assignment.entityId,
    entityType: assignment.entityType,
    amount: assignment.amount,
    requestedAmount: assignment.amount,
    entityState: assignment.entityState,
    stateMessage: assignment.stateMessage,
    autoAssigned: assignment.autoAssigned,
    autoAssign: assignment.autoAssign,
    autoDistributeAmount: assignment.autoDistributeAmount,
    unlimitedAmountAssigned: assignment.unlimitedAmountAssigned,
    parentId: globalAccountGuid,
    parentType: 'GLOBAL_ACCOUNT',
    parentAmount: plan.amount,
    parentRemainingAmount,
    createdDate: assignment.createdDate,
    modifiedDate: assignment.modifiedDate,
    resources: []
  }
}

/** Entitled amount minus what is assigned, for plans with a numeric quota; unlimited plans keep their amount. */
function remainingAmounts(services: readonly ServiceRecord[], assignments: readonly AssignmentRecord[]): Map<string, number> {
  const assigned = new Map<string, number>()
  for (const assignment of assignments) {
    const key = planKey(assignment.serviceName, assignment.planName)
    assigned.set(key, (assigned.get(key) ?? 0) + assignment.amount)
  }
  const remaining = new Map<string, number>()
  for (const service of services) {
    for (const plan of service.plans) {
      const key = planKey(service.name, plan.name)
      remaining.set(key, plan.unlimited ? plan.amount : Math.max(0, plan.amount - (assigned.get(key) ?? 0)))
    }
  }
  return remaining
}

function isSelected(store: CisStore, globalAccountGuid: string, assignment: AssignmentRecord, selection: AssignmentSelection): boolean {
  if (selection.subaccountGuid) return assignment.entityType === 'SUBACCOUNT' && assignment.entityId === selection.subaccountGuid
  if (selection.directoryGuid) return isWithinDirectory(store, globalAccountGuid, assignment, selection.directoryGuid)
  return true
}

function isWithinDirectory(store: CisStore, globalAccountGuid: string, assignment: AssignmentRecord, directoryGuid: string): boolean {
  let guid: string | undefined =
    assignment.entityType === 'DIRECTORY' ? assignment.entityId : store.subaccount(globalAccountGuid, assignment.entityId)?.parentGUID
  while (guid) {
    if (guid === directoryGuid) return true
    guid = store.directory(globalAccountGuid, guid)?.parentGUID
  }
  return false
}

function groupByPlan(assignments: readonly AssignmentRecord[]): Map<string, AssignmentRecord[]> {
  const byPlan = new Map<string, AssignmentRecord[]>()
  for (const assignment of assignments) {
    const key = planKey(assignment.serviceName, assignment.planName)
    let group = byPlan.get(key)
    if (!group) byPlan.set(key, (group = []))
    group.push(assignment)
  }
  return byPlan
}

function planKey(serviceName: string, planName: string): string {
  return `${serviceName}/${planName}`
}
