/**
 * Contract of the CIS entitlements-service simulator (WIRE-REFERENCE §B.3: field names from the Go SDK types and
 * real usage; no official spec exists).
 */
import { PROVIDER } from '../../sandbox/identities.js'
import {
  PROVIDER_SEED,
  type AssignmentsResponse,
  type CisErrorBody,
  type DataCentersResponse
} from '../../sandbox/cis/index.js'
import { startCisTestSandbox, type CisTestSandbox } from './helpers/cis-sandbox.js'

const { directories: dir, subaccounts: sub } = PROVIDER_SEED

/** Field names of WIRE-REFERENCE §B.3 (the optional `iconBase64`/`applicationCoordinates` are not simulated). */
const ENTITLED_SERVICE_FIELDS = ['businessCategory', 'description', 'displayName', 'name', 'ownerType', 'servicePlans']
const ENTITLED_PLAN_FIELDS = [
  'amount', 'autoAssign', 'autoDistributeAmount', 'availableForInternal', 'beta', 'category', 'dataCenters', 'description',
  'displayName', 'internalQuotaLimit', 'maxAllowedSubaccountQuota', 'name', 'providedBy', 'provisioningMethod',
  'remainingAmount', 'resources', 'sourceEntitlements', 'uniqueIdentifier', 'unlimited'
]
const ASSIGNED_SERVICE_FIELDS = ['businessCategory', 'displayName', 'name', 'ownerType', 'servicePlans']
const ASSIGNED_PLAN_FIELDS = [
  'assignmentInfo', 'beta', 'category', 'displayName', 'maxAllowedSubaccountQuota', 'name', 'uniqueIdentifier', 'unlimited'
]
const ASSIGNMENT_INFO_FIELDS = [
  'amount', 'autoAssign', 'autoAssigned', 'autoDistributeAmount', 'createdDate', 'entityId', 'entityState', 'entityType',
  'modifiedDate', 'parentAmount', 'parentId', 'parentRemainingAmount', 'parentType', 'requestedAmount', 'resources',
  'stateMessage', 'unlimitedAmountAssigned'
]
const DATA_CENTER_FIELDS = [
  'displayName', 'domain', 'environment', 'geoAccess', 'iaasProvider', 'name', 'provisioningServiceUrl', 'region',
  'saasRegistryServiceUrl', 'supportsTrial'
]

let sandbox: CisTestSandbox
let token: string

beforeAll(async () => {
  sandbox = await startCisTestSandbox()
  token = await sandbox.tokenFor(PROVIDER.globalAccountGuid)
})

afterAll(() => sandbox.cis.close())

const get = <T>(path: string) => sandbox.entitlements<T>(path, token)
const assignments = async (query = '') => (await get<AssignmentsResponse>(`/entitlements/v1/assignments${query}`)).body
const sortedKeys = (object: object) => Object.keys(object).sort()
const assignedEntityIds = (body: AssignmentsResponse) =>
  body.assignedServices.flatMap(service => service.servicePlans.flatMap(plan => plan.assignmentInfo.map(info => info.entityId)))
const assignedServiceNames = (body: AssignmentsResponse) => body.assignedServices.map(service => service.name).sort()

describe('GET /entitlements/v1/assignments', () => {
  it('answers with the field names of WIRE-REFERENCE §B.3 at every level', async () => {
    const { status, headers, body } = await get<AssignmentsResponse>('/entitlements/v1/assignments?includeAutoManagedPlans=true')
    expect(sortedKeys(body)).toEqual(['assignedServices', 'entitledServices', 'fetchErrorFromExternalProviderRegistry'])
    for (const service of body.entitledServices) {
      expect(sortedKeys(service)).toEqual(ENTITLED_SERVICE_FIELDS)
      for (const plan of service.servicePlans) expect(sortedKeys(plan)).toEqual(ENTITLED_PLAN_FIELDS)
    }
    for (const service of body.assignedServices) {
      expect(sortedKeys(service)).toEqual(ASSIGNED_SERVICE_FIELDS)
      for (const plan of service.servicePlans) {
        expect(sortedKeys(plan)).toEqual(ASSIGNED_PLAN_FIELDS)
        for (const info of plan.assignmentInfo) expect(sortedKeys(info)).toEqual(ASSIGNMENT_INFO_FIELDS)
      }
    }
    expect(headers.get('content-type')).toBe('application/json')
    expect(status).toBe(200)
  })

  it('sends assignment dates as epoch-millisecond integers', async () => {
    const infos = (await assignments()).assignedServices.flatMap(service => service.servicePlans.flatMap(plan => plan.assignmentInfo))
    expect(infos.length).toBeGreaterThan(0)
    for (const info of infos) expect(Number.isInteger(info.createdDate) && info.createdDate > 1e12).toBe(true)
  })

  it('narrows assignedServices to one subaccount with subaccountGUID', async () => {
    const body = await assignments(`?subaccountGUID=${sub.acme}&includeAutoManagedPlans=true`)
    expect(new Set(assignedEntityIds(body))).toEqual(new Set([sub.acme]))
    expect(assignedServiceNames(body)).toEqual(['auditlog-viewer', 'destination', 'tenant-hub', 'xsuaa'])
    expect(body.entitledServices.length).toBeGreaterThan(body.assignedServices.length)
  })

  it('hides auto-managed plans unless includeAutoManagedPlans=true', async () => {
    const withoutAutoManaged = await assignments(`?subaccountGUID=${sub.acme}`)
    const withAutoManaged = await assignments(`?subaccountGUID=${sub.acme}&includeAutoManagedPlans=true`)
    expect(assignedServiceNames(withoutAutoManaged)).toEqual(['tenant-hub'])
    const destination = withAutoManaged.assignedServices.find(service => service.name === 'destination')!
    expect(destination.servicePlans[0].assignmentInfo[0]).toMatchObject({ entityId: sub.acme, entityType: 'SUBACCOUNT', autoAssigned: true })
    const entitledPlans = (body: AssignmentsResponse) =>
      body.entitledServices.flatMap(service => service.servicePlans.map(plan => `${service.name}/${plan.name}`))
    expect(entitledPlans(withoutAutoManaged)).not.toContain('destination/lite')
    expect(entitledPlans(withAutoManaged)).toContain('destination/lite')
  })

  it('selects the assignments of a directory and of everything below it with directoryGUID', async () => {
    const ids = new Set(assignedEntityIds(await assignments(`?directoryGUID=${dir.production}&includeAutoManagedPlans=true`)))
    for (const inside of [dir.production, sub.acme, sub.globex, sub.initech, sub.integration]) expect(ids).toContain(inside)
    for (const outside of [sub.provider, sub.devSandbox1, sub.sharedServices]) expect(ids).not.toContain(outside)
  })

  it('keeps remaining amounts consistent with the assignments of a quota plan', async () => {
    const body = await assignments()
    const entitled = body.entitledServices.find(service => service.name === 'APPLICATION_RUNTIME')!.servicePlans[0]
    const assigned = body.assignedServices.find(service => service.name === 'APPLICATION_RUNTIME')!.servicePlans[0]
    const total = assigned.assignmentInfo.reduce((sum, info) => sum + info.amount, 0)
    expect(entitled).toMatchObject({ unlimited: false, remainingAmount: entitled.amount - total })
    expect(assigned.assignmentInfo[0]).toMatchObject({
      parentId: PROVIDER.globalAccountGuid,
      parentType: 'GLOBAL_ACCOUNT',
      parentAmount: entitled.amount,
      parentRemainingAmount: entitled.remainingAmount
    })
  })

  it('leaves assignedServices empty with entitledServicesOnly=true', async () => {
    const body = await assignments('?entitledServicesOnly=true')
    expect(body.assignedServices).toEqual([])
    expect(body.entitledServices.length).toBeGreaterThan(0)
  })

  it('answers an unknown subaccountGUID with 404 and code 20004', async () => {
    const { status, body } = await get<CisErrorBody>('/entitlements/v1/assignments?subaccountGUID=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee')
    expect(body.error).toMatchObject({ code: 20004, target: '/entitlements/v1/assignments' })
    expect(status).toBe(404)
  })

  it('refuses subaccountGUID together with directoryGUID', async () => {
    const { status, body } = await get<CisErrorBody>(`/entitlements/v1/assignments?subaccountGUID=${sub.acme}&directoryGUID=${dir.dach}`)
    expect(body.error.code).toBe(11000)
    expect(status).toBe(400)
  })

  it('refuses an undocumented parameter, naming it', async () => {
    const { status, body } = await get<CisErrorBody>(`/entitlements/v1/assignments?subaccountGuid=${sub.acme}`)
    expect(body.error.message).toContain("'subaccountGuid'")
    expect(status).toBe(400)
  })
})

describe('GET /entitlements/v1/globalAccountAllowedDataCenters', () => {
  it('lists the allowed data centers with the recorded field names', async () => {
    const { status, body } = await get<DataCentersResponse>('/entitlements/v1/globalAccountAllowedDataCenters')
    expect(body.datacenters.map(dataCenter => dataCenter.region).sort()).toEqual(['ap21', 'eu10', 'eu20', 'us10'])
    for (const dataCenter of body.datacenters) expect(sortedKeys(dataCenter)).toEqual(DATA_CENTER_FIELDS)
    expect(status).toBe(200)
  })

  it('filters by region', async () => {
    const { body } = await get<DataCentersResponse>('/entitlements/v1/globalAccountAllowedDataCenters?region=eu10')
    expect(body.datacenters).toEqual([
      expect.objectContaining({
        name: 'cf-eu10',
        displayName: 'Europe (Frankfurt) - AWS',
        environment: 'cloudfoundry',
        iaasProvider: 'AWS',
        saasRegistryServiceUrl: 'https://saas-manager.cfapps.eu10.hana.ondemand.com'
      })
    ])
    expect((await get<DataCentersResponse>('/entitlements/v1/globalAccountAllowedDataCenters?region=cn40')).body.datacenters).toEqual([])
  })
})
