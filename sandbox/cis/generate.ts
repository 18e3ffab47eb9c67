/**
 * The size knob: fills a global account up with generated subaccounts, deterministically (same guids on every
 * start), spread over the root and generated business-unit directories three levels deep.
 */
import { CATALOG } from './catalog.js'
import { stableGuid } from './guids.js'
import { assignments, CF_ENVIRONMENT, type AssignmentSpec } from './seed.js'
import type { AssignmentRecord, DirectoryRecord, GlobalAccountLandscape, SubaccountRecord, UsedForProduction } from './store.js'

const SUBACCOUNTS_PER_UNIT = 500
const REGIONS = ['eu10', 'eu20', 'us10', 'ap21']
const USED_FOR_PRODUCTION: UsedForProduction[] = ['USED_FOR_PRODUCTION', 'NOT_USED_FOR_PRODUCTION', 'UNSET']
const FIRST_CREATED = Date.parse('2024-01-01T00:00:00Z')
const CREATED_BY = 'automation@tenant-hub.example'
const DESTINATION_LITE: AssignmentSpec = { service: CATALOG.destination.service, plan: CATALOG.destination.lite, autoAssigned: true }
const ODD_ASSIGNMENTS = [DESTINATION_LITE]
const EVEN_ASSIGNMENTS = [DESTINATION_LITE, CF_ENVIRONMENT]

/** The guid of the n-th generated subaccount (0-based) of a global account. */
export function generatedSubaccountGuid(globalAccountGuid: string, n: number): string {
  return stableGuid('generated-subaccount', globalAccountGuid, String(n))
}

/** A copy of the landscape with `count` generated subaccounts (and the directories holding them) appended. */
export function withGeneratedSubaccounts(landscape: GlobalAccountLandscape, count: number): GlobalAccountLandscape {
  const ga = landscape.globalAccount.guid
  const directories: DirectoryRecord[] = []
  const subaccounts: SubaccountRecord[] = []
  const generatedAssignments: AssignmentRecord[] = []
  let unit: UnitDirectories | undefined

  for (let n = 0; n < count; n++) {
    if (n % SUBACCOUNTS_PER_UNIT === 0) {
      unit = unitDirectories(ga, n / SUBACCOUNTS_PER_UNIT)
      directories.push(unit.unit, unit.production, unit.development)
    }
    const parent = [ga, unit!.unit.guid, unit!.production.guid, unit!.development.guid][n % 4]
    const subaccount = generatedSubaccount(ga, n, parent)
    subaccounts.push(subaccount)
    generatedAssignments.push(
      ...assignments(subaccount.guid, 'SUBACCOUNT', subaccount.createdDate, n % 2 === 0 ? EVEN_ASSIGNMENTS : ODD_ASSIGNMENTS)
    )
  }

  return {
    ...landscape,
    directories: [...landscape.directories, ...directories],
    subaccounts: [...landscape.subaccounts, ...subaccounts],
    assignments: [...landscape.assignments, ...generatedAssignments]
  }
}

interface UnitDirectories {
  unit: DirectoryRecord
  production: DirectoryRecord
  development: DirectoryRecord
}

function unitDirectories(ga: string, index: number): UnitDirectories {
  const label = String(index + 1).padStart(2, '0')
  const createdDate = FIRST_CREATED - (index + 1) * 86_400_000
  const base = {
    globalAccountGUID: ga,
    entityState: 'OK',
    stateMessage: 'Directory created.',
    contractStatus: 'ACTIVE',
    createdDate,
    createdBy: CREATED_BY,
    modifiedDate: createdDate
  }
  const unitGuid = stableGuid('generated-directory', ga, label)
  return {
    unit: {
      ...base,
      guid: unitGuid,
      parentGUID: ga,
      displayName: `Business Unit ${label}`,
      description: `Generated business unit ${label}.`,
      directoryType: 'PROJECT',
      directoryFeatures: ['DEFAULT', 'ENTITLEMENTS'],
      labels: { 'business-unit': [label] }
    },
    production: {
      ...base,
      guid: stableGuid('generated-directory', ga, label, 'production'),
      parentGUID: unitGuid,
      displayName: `BU ${label} Production`,
      directoryType: 'FOLDER',
      directoryFeatures: ['DEFAULT']
    },
    development: {
      ...base,
      guid: stableGuid('generated-directory', ga, label, 'development'),
      parentGUID: unitGuid,
      displayName: `BU ${label} Development`,
      directoryType: 'FOLDER',
      directoryFeatures: ['DEFAULT']
    }
  }
}

function generatedSubaccount(ga: string, n: number, parentGUID: string): SubaccountRecord {
  const guid = generatedSubaccountGuid(ga, n)
  const number = String(n + 1).padStart(5, '0')
  const createdDate = FIRST_CREATED + n * 60_000
  return {
    guid,
    technicalName: guid,
    displayName: `Customer ${number}`,
    globalAccountGUID: ga,
    parentGUID,
    region: REGIONS[n % REGIONS.length],
    subdomain: `customer-${number}-${guid.slice(0, 8)}`,
    betaEnabled: n % 7 === 0,
    usedForProduction: USED_FOR_PRODUCTION[n % USED_FOR_PRODUCTION.length],
    description: n % 3 === 0 ? undefined : `Generated subaccount ${number}.`,
    state: 'OK',
    stateMessage: 'Subaccount created.',
    contractStatus: 'ACTIVE',
    createdDate,
    createdBy: CREATED_BY,
    modifiedDate: createdDate + 30_000,
    lastModifiedBy: CREATED_BY,
    labels: { generated: ['true'], batch: [`batch-${n % 10}`] }
  }
}
