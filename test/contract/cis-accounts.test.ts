/**
 * Contract of the CIS accounts-service simulator against the btp-terraform recordings and the official OpenAPI.
 */
import { DEMO_TENANTS, PROVIDER } from '../../sandbox/identities.js'
import {
  PROVIDER_SEED,
  SUBSCRIBER_GLOBAL_ACCOUNT,
  type CisErrorBody,
  type DirectoryResponse,
  type GlobalAccountResponse,
  type LabelsResponse,
  type SubaccountResponse,
  type SubaccountsResponse
} from '../../sandbox/cis/index.js'
import { createAccountsSchemaValidator, RECORDING_PROVEN_LOOSENINGS, type AccountsSchemaValidator } from './helpers/cis-openapi.js'
import { flattenHierarchy, recorded, shapeCatalog, shapeMismatches, withWireDates, type JsonObject } from './helpers/cis-recordings.js'
import { startCisTestSandbox, type CisTestSandbox } from './helpers/cis-sandbox.js'

const { directories: dir, subaccounts: sub } = PROVIDER_SEED
/** The seed keeps one subaccount with `"description": null`, seen in real curl output (WIRE-REFERENCE §B.2), not in the recordings. */
const NULL_DESCRIPTION = { alsoAllowed: { description: ['null' as const] } }

let sandbox: CisTestSandbox
let token: string
let schemas: AccountsSchemaValidator

beforeAll(async () => {
  sandbox = await startCisTestSandbox()
  token = await sandbox.tokenFor(PROVIDER.globalAccountGuid)
  schemas = createAccountsSchemaValidator()
})

afterAll(() => sandbox.cis.close())

const get = <T>(path: string) => sandbox.accounts<T>(path, token)
const listSubaccounts = async (query = '') => (await get<SubaccountsResponse>(`/accounts/v1/subaccounts${query}`)).body.value
const guidsOf = (entities: Array<{ guid: string }>) => entities.map(entity => entity.guid).sort()

function recordedSubaccounts(): JsonObject[] {
  return [...recorded.subaccountList().value, ...flattenHierarchy(recorded.globalAccountWithHierarchy()).subaccounts]
}

function recordedDirectories(): JsonObject[] {
  return [...flattenHierarchy(recorded.globalAccountWithHierarchy()).directories, ...recorded.directoryGets()]
}

describe('shapes recorded by btp-terraform', () => {
  it('lists subaccounts with the recorded field names, kinds and nesting', async () => {
    const catalog = shapeCatalog(recordedSubaccounts())
    const value = await listSubaccounts()
    expect(value.flatMap(item => shapeMismatches(item as unknown as JsonObject, catalog, NULL_DESCRIPTION))).toEqual([])
    expect(value.length).toBeGreaterThanOrEqual(15)
  })

  it('answers a single subaccount GET with exactly the fields of the recorded labelled root subaccount', async () => {
    const expected = recorded.subaccountGet()
    const { status, body } = await get<JsonObject>(`/accounts/v1/subaccounts/${sub.sharedServices}`)
    expect(Object.keys(body).sort()).toEqual(Object.keys(expected).sort())
    expect(shapeMismatches(body, shapeCatalog([expected]))).toEqual([])
    expect(status).toBe(200)
  })

  it('reports an unknown subaccount with the recorded code 20004, message and status', async () => {
    const expected = recorded.subaccountNotFound()
    const guid = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
    const { status, body } = await get<CisErrorBody>(`/accounts/v1/subaccounts/${guid}`)
    expect(body.error).toMatchObject({ code: expected.code, message: expected.message, target: `/accounts/v1/subaccounts/${guid}` })
    expect(status).toBe(expected.status)
  })

  it('expands the global account into the recorded hierarchy of directories and subaccounts', async () => {
    const recordedGlobalAccount = recorded.globalAccountWithHierarchy()
    const { body } = await get<JsonObject>('/accounts/v1/globalAccount?expand=true')
    const nested = { children: shapeCatalog(recordedDirectories()), subaccounts: shapeCatalog(recordedSubaccounts()) }
    expect(shapeMismatches(body, shapeCatalog([recordedGlobalAccount]), { ...NULL_DESCRIPTION, nested })).toEqual([])
  })

  it('answers a directory GET with exactly the fields of the recorded labelled PROJECT directory', async () => {
    const expected = recorded.directoryGets()[1]
    const { status, body } = await get<JsonObject>(`/accounts/v1/directories/${dir.production}`)
    expect(Object.keys(body).sort()).toEqual(Object.keys(expected).sort())
    expect(shapeMismatches(body, shapeCatalog(recordedDirectories()))).toEqual([])
    expect(status).toBe(200)
  })

  it('sends labels as string arrays per key, as recorded', async () => {
    const labelled = (await listSubaccounts()).filter(subaccount => subaccount.labels)
    expect(labelled.length).toBeGreaterThan(0)
    for (const { labels } of labelled) {
      for (const values of Object.values(labels!)) expect(values.every(value => typeof value === 'string')).toBe(true)
    }
  })
})

describe('conformance to the accounts-service OpenAPI (dates as integers)', () => {
  it('serves both global accounts, expanded, as GlobalAccountResponseObject', async () => {
    const tokenB = await sandbox.tokenFor(SUBSCRIBER_GLOBAL_ACCOUNT.guid)
    for (const bearer of [token, tokenB]) {
      const { body } = await sandbox.accounts<unknown>('/accounts/v1/globalAccount?expand=true', bearer)
      expect(schemas.errors('GlobalAccountResponseObject', body)).toEqual([])
    }
  })

  it('serves the subaccount list as ResponseCollection', async () => {
    const { body } = await get<unknown>('/accounts/v1/subaccounts')
    expect(schemas.errors('ResponseCollection', body)).toEqual([])
  })

  it('serves every subaccount as SubaccountResponseObject', async () => {
    for (const guid of guidsOf(await listSubaccounts())) {
      const { body } = await get<unknown>(`/accounts/v1/subaccounts/${guid}`)
      expect(schemas.errors('SubaccountResponseObject', body)).toEqual([])
    }
  })

  it('serves every directory, expanded, as DirectoryResponseObject', async () => {
    for (const guid of Object.values(dir)) {
      const { body } = await get<unknown>(`/accounts/v1/directories/${guid}?expand=true`)
      expect(schemas.errors('DirectoryResponseObject', body)).toEqual([])
    }
  })

  it('serves subaccount and directory labels as LabelsResponseObject', async () => {
    for (const path of [`/accounts/v1/subaccounts/${sub.sharedServices}/labels`, `/accounts/v1/directories/${dir.dach}/labels`]) {
      const { body } = await get<unknown>(path)
      expect(schemas.errors('LabelsResponseObject', body)).toEqual([])
    }
  })

  it('wraps errors as ErrorResponse in "error"', async () => {
    const { body } = await get<CisErrorBody>('/accounts/v1/subaccounts/unknown')
    expect(schemas.errors('ErrorResponse', body.error)).toEqual([])
  })

  it('is calibrated on the recordings: recorded payloads with wire dates conform', () => {
    const recordedGlobalAccount = withWireDates(recorded.globalAccountWithHierarchy())
    expect(schemas.errors('GlobalAccountResponseObject', recordedGlobalAccount)).toEqual([])
    expect(schemas.errors('ResponseCollection', withWireDates(recorded.subaccountList()))).toEqual([])
    expect(schemas.errors('SubaccountResponseObject', withWireDates(recorded.subaccountGet()))).toEqual([])
    for (const directory of recorded.directoryGets()) expect(schemas.errors('DirectoryResponseObject', withWireDates(directory))).toEqual([])
  })

  it.each(RECORDING_PROVEN_LOOSENINGS)('needs loosening %s for some recorded payload', loosening => {
    const strict = createAccountsSchemaValidator({ omit: [loosening] })
    const errors = [
      ...strict.errors('GlobalAccountResponseObject', withWireDates(recorded.globalAccountWithHierarchy())),
      ...strict.errors('ResponseCollection', withWireDates(recorded.subaccountList())),
      ...strict.errors('SubaccountResponseObject', withWireDates(recorded.subaccountGet())),
      ...recorded.directoryGets().flatMap(directory => strict.errors('DirectoryResponseObject', withWireDates(directory)))
    ]
    expect(errors.length).toBeGreaterThan(0)
  })
})

describe('the account hierarchy', () => {
  type Node = GlobalAccountResponse | DirectoryResponse

  function checkNesting(node: Node, depth: number, visit: (subaccount: SubaccountResponse, depth: number) => void): number {
    const isDirectory = 'directoryType' in node
    let deepest = depth
    for (const child of node.children ?? []) {
      expect(child).toMatchObject({ parentGUID: node.guid, parentGuid: node.guid, parentType: isDirectory ? node.directoryType : 'ROOT' })
      deepest = Math.max(deepest, checkNesting(child, depth + 1, visit))
    }
    for (const subaccount of node.subaccounts ?? []) {
      expect(subaccount).toMatchObject({ parentGUID: node.guid, parentType: isDirectory ? node.directoryType : 'ROOT' })
      expect(subaccount.parentFeatures).toEqual(isDirectory ? node.directoryFeatures : undefined)
      visit(subaccount, depth)
    }
    return deepest
  }

  it('nests directories at least three levels deep, each child naming its parent', async () => {
    const { body } = await get<GlobalAccountResponse>('/accounts/v1/globalAccount?expand=true')
    expect(checkNesting(body, 0, () => {})).toBeGreaterThanOrEqual(3)
  })

  it('holds in the expanded tree exactly the subaccounts of the list', async () => {
    const { body } = await get<GlobalAccountResponse>('/accounts/v1/globalAccount?expand=true')
    const inTree: SubaccountResponse[] = []
    checkNesting(body, 0, subaccount => inTree.push(subaccount))
    expect(guidsOf(inTree)).toEqual(guidsOf(await listSubaccounts()))
  })

  it('leaves children and subaccounts out without expand', async () => {
    const { body } = await get<GlobalAccountResponse>('/accounts/v1/globalAccount')
    expect(body).toMatchObject({ guid: PROVIDER.globalAccountGuid, subdomain: PROVIDER_SEED.globalAccount.subdomain })
    expect(body).not.toHaveProperty('children')
    expect(body).not.toHaveProperty('subaccounts')
  })

  it('expands a directory into its sub-directories and their subaccounts', async () => {
    const { body } = await get<DirectoryResponse>(`/accounts/v1/directories/${dir.production}?expand=true`)
    const emea = body.children!.find(child => child.guid === dir.emea)!
    const dach = emea.children!.find(child => child.guid === dir.dach)!
    expect(guidsOf(body.children!)).toEqual([dir.americas, dir.emea].sort())
    expect(guidsOf(dach.subaccounts!)).toEqual([sub.acme])
    expect(guidsOf(body.subaccounts!)).toEqual([sub.integration])
  })

  it('gives a directory its own subdomain only with the AUTHORIZATIONS feature', async () => {
    const production = (await get<DirectoryResponse>(`/accounts/v1/directories/${dir.production}`)).body
    const nonProduction = (await get<DirectoryResponse>(`/accounts/v1/directories/${dir.nonProduction}`)).body
    expect(production).toMatchObject({ directoryFeatures: ['AUTHORIZATIONS', 'DEFAULT', 'ENTITLEMENTS'], subdomain: dir.production })
    expect(nonProduction.directoryFeatures).toEqual(['DEFAULT', 'ENTITLEMENTS'])
    expect(nonProduction).not.toHaveProperty('subdomain')
  })

  it('names the closest entitlement-managed parent on a single subaccount GET only', async () => {
    const closest = async (guid: string) =>
      (await get<SubaccountResponse>(`/accounts/v1/subaccounts/${guid}`)).body.closestEntitlementManagedParentGUID
    expect(await closest(sub.acme)).toBe(dir.production)
    expect(await closest(sub.devSandbox1)).toBe(dir.nonProduction)
    expect(await closest(sub.provider)).toBe(PROVIDER.globalAccountGuid)
    expect((await listSubaccounts()).some(item => 'closestEntitlementManagedParentGUID' in item)).toBe(false)
  })

  it('answers an unknown directory with 404', async () => {
    const { status, body } = await get<CisErrorBody>('/accounts/v1/directories/4f1c1c7e-0000-4000-8000-000000000000')
    expect(body.error.message).toBe('Directory 4f1c1c7e-0000-4000-8000-000000000000 not found')
    expect(status).toBe(404)
  })
})

describe('the provider and demo tenant subaccounts', () => {
  it('has the provider subaccount with its tenant id and subdomain', async () => {
    const { body } = await get<SubaccountResponse>(`/accounts/v1/subaccounts/${PROVIDER.tenantId}`)
    expect(body).toMatchObject({ guid: PROVIDER.tenantId, technicalName: PROVIDER.tenantId, subdomain: PROVIDER.subdomain })
  })

  const demoTenants = DEMO_TENANTS.map(tenant => [tenant.subdomain, tenant] as const)

  it.each(demoTenants)('has demo tenant %s with guid = technicalName = tenant id', async (_, tenant) => {
    const { body } = await get<SubaccountResponse>(`/accounts/v1/subaccounts/${tenant.tenantId}`)
    expect(body).toMatchObject({
      guid: tenant.tenantId,
      technicalName: tenant.tenantId,
      subdomain: tenant.subdomain,
      globalAccountGUID: PROVIDER.globalAccountGuid,
      labels: { 'tenant-hub': ['consumer'] }
    })
  })
})

describe('subaccount filters', () => {
  it('lists the subaccounts directly in a directory for directoryGUID', async () => {
    expect(guidsOf(await listSubaccounts(`?directoryGUID=${dir.qualityAssurance}`))).toEqual([sub.qaEu10, sub.qaUs10, sub.loadTest].sort())
    expect(await listSubaccounts(`?directoryGUID=${dir.archive}`)).toEqual([])
  })

  it('answers an unknown directoryGUID with 404', async () => {
    const { status } = await get<CisErrorBody>('/accounts/v1/subaccounts?directoryGUID=4f1c1c7e-0000-4000-8000-000000000000')
    expect(status).toBe(404)
  })

  it('selects by one label, matching any of its values', async () => {
    expect(guidsOf(await listSubaccounts('?labelSelector=tenant-hub%3Dconsumer'))).toEqual([sub.acme, sub.globex, sub.initech].sort())
    expect(guidsOf(await listSubaccounts('?labelSelector=team%3Dsre'))).toEqual([sub.sharedServices])
  })

  it('joins conditions with AND', async () => {
    const selector = encodeURIComponent('tenant-hub=consumer AND tier=gold')
    expect(guidsOf(await listSubaccounts(`?labelSelector=${selector}`))).toEqual([sub.acme])
  })

  it('selects by != including subaccounts without the key', async () => {
    const all = await listSubaccounts()
    const others = await listSubaccounts(`?labelSelector=${encodeURIComponent('tenant-hub!=consumer')}`)
    expect(others).toHaveLength(all.length - 3)
    expect(guidsOf(others)).toContain(sub.failedOnboarding)
  })

  it('combines labelSelector with directoryGUID', async () => {
    expect(guidsOf(await listSubaccounts(`?directoryGUID=${dir.qualityAssurance}&labelSelector=stage%3Dperf`))).toEqual([sub.loadTest])
  })

  it('refuses a malformed labelSelector with 400 and code 11000', async () => {
    const { status, body } = await get<CisErrorBody>(`/accounts/v1/subaccounts?labelSelector=${encodeURIComponent('tier gold')}`)
    expect(body.error).toMatchObject({ code: 11000, target: '/accounts/v1/subaccounts' })
    expect(body.error.message).toContain('labelSelector')
    expect(status).toBe(400)
  })

  it('accepts the documented derivedAuthorizations values and refuses others', async () => {
    expect(await listSubaccounts('?derivedAuthorizations=any')).toHaveLength((await listSubaccounts()).length)
    const { status } = await get<CisErrorBody>('/accounts/v1/subaccounts?derivedAuthorizations=everything')
    expect(status).toBe(400)
  })
})

describe('strict query parameters', () => {
  it('refuses an undocumented parameter, naming it', async () => {
    const { status, body } = await get<CisErrorBody>(`/accounts/v1/subaccounts?directoryGuid=${dir.dach}`)
    expect(body.error).toMatchObject({ code: 11000, target: '/accounts/v1/subaccounts' })
    expect(body.error.message).toContain("'directoryGuid'")
    expect(status).toBe(400)
  })

  it('refuses any parameter on an endpoint without parameters', async () => {
    const { status, body } = await get<CisErrorBody>(`/accounts/v1/subaccounts/${sub.acme}/labels?expand=true`)
    expect(body.error.message).toContain("'expand'")
    expect(status).toBe(400)
  })

  it('refuses a non-boolean expand', async () => {
    const { status, body } = await get<CisErrorBody>('/accounts/v1/globalAccount?expand=yes')
    expect(body.error.code).toBe(11000)
    expect(status).toBe(400)
  })
})

describe('wire format', () => {
  it('sends dates as epoch-millisecond integers', async () => {
    const { body } = await get<GlobalAccountResponse>('/accounts/v1/globalAccount?expand=true')
    const { directories, subaccounts } = flattenHierarchy(body as unknown as JsonObject)
    for (const entity of [body, ...directories, ...subaccounts] as JsonObject[]) {
      for (const field of ['createdDate', 'modifiedDate']) {
        expect(Number.isInteger(entity[field]) && (entity[field] as number) > 1e12).toBe(true)
      }
    }
    const pending = (await get<SubaccountResponse>(`/accounts/v1/subaccounts/${sub.pendingDeletion}`)).body
    expect(pending.forceDeleteTargetTime! - pending.forceDeleteRequestTime!).toBe(7 * 24 * 3600 * 1000)
  })

  it('sends the headers of the real service and matches the error correlationID', async () => {
    const ok = await get<unknown>('/accounts/v1/globalAccount')
    expect(Object.fromEntries(ok.headers)).toMatchObject({
      'content-type': 'application/json',
      'cache-control': 'no-cache, no-store, max-age=0, must-revalidate',
      pragma: 'no-cache',
      expires: '0',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY'
    })
    expect(ok.headers.get('x-vcap-request-id')).toBe(ok.headers.get('x-correlationid'))
    const failed = await get<CisErrorBody>('/accounts/v1/subaccounts/unknown')
    expect(failed.body.error.correlationID).toBe(failed.headers.get('x-correlationid'))
    expect(failed.headers.get('content-type')).toBe('application/json')
  })

  it('leaves unset optional fields out and keeps an explicit null description', async () => {
    const initech = (await get<JsonObject>(`/accounts/v1/subaccounts/${sub.initech}`)).body
    const globex = (await get<JsonObject>(`/accounts/v1/subaccounts/${sub.globex}`)).body
    const provider = (await get<JsonObject>(`/accounts/v1/subaccounts/${sub.provider}`)).body
    expect(initech).not.toHaveProperty('description')
    expect(globex.description).toBeNull()
    expect(provider).not.toHaveProperty('parentFeatures')
    expect(Object.values(provider).every(value => value !== undefined && value !== null)).toBe(true)
  })

  it('derives customProperties from the first value of each label', async () => {
    const shared = (await get<SubaccountResponse>(`/accounts/v1/subaccounts/${sub.sharedServices}`)).body
    const partner = (await get<SubaccountResponse>(`/accounts/v1/subaccounts/${sub.partnerDemo}`)).body
    expect(shared.customProperties).toContainEqual({ accountGUID: sub.sharedServices, key: 'team', value: 'platform' })
    expect(partner.customProperties).toContainEqual({ accountGUID: sub.partnerDemo, key: 'EMEA', value: '' })
  })

  it('answers the labels endpoints with the entity labels, {} when there are none', async () => {
    expect((await get<LabelsResponse>(`/accounts/v1/subaccounts/${sub.sharedServices}/labels`)).body).toEqual({
      labels: { team: ['platform', 'sre', 'security'], 'cost-center': ['CC-4711'] }
    })
    expect((await get<LabelsResponse>(`/accounts/v1/subaccounts/${sub.failedOnboarding}/labels`)).body).toEqual({ labels: {} })
    expect((await get<LabelsResponse>(`/accounts/v1/directories/${dir.dach}/labels`)).body).toEqual({ labels: { country: ['DE', 'AT', 'CH'] } })
  })

  it('answers an unrouted path with 404 in the CIS envelope', async () => {
    const { status, body } = await get<CisErrorBody>('/accounts/v1/nothing-here')
    expect(body.error).toMatchObject({ code: 11000, message: 'Unknown request' })
    expect(status).toBe(404)
  })
})
