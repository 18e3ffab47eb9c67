/**
 * Tenant isolation: a subscriber without its own CIS destination sees only its own subaccount of the provider's
 * global account, and no path — keys, $expand, $filter, $search, $batch, navigation, refresh — reaches anything else.
 */
import { PROVIDER_SEED, SUBSCRIBER_SEED } from '../../sandbox/cis/index.js'
import { accountsApp, DEMO_TENANTS, PROVIDER } from './helpers/accounts-app.js'

const accounts = accountsApp()
const [ACME, GLOBEX, INITECH] = DEMO_TENANTS
const GA = PROVIDER.globalAccountGuid
const { directories: dir, subaccounts: sub } = PROVIDER_SEED
const asAcme = (path: string) => accounts.read(ACME.tenantId, path)
const guids = (rows: Array<{ guid: string }>) => rows.map(row => row.guid)

beforeAll(async () => {
  await accounts.subscribe(ACME)
  await accounts.subscribe(INITECH)
})

describe("a subscriber without its own CIS destination sees only its own subaccount", () => {
  test('its subaccount, its labels, its entitlements, the data centers of its region; no global account, no directories', async () => {
    const subaccounts = await asAcme('Subaccounts?$expand=labels,entitlements')
    expect(subaccounts.data.value).toMatchObject([{ guid: ACME.tenantId, displayName: 'ACME Corp.', directory_guid: dir.dach }])
    expect(subaccounts.data.value[0].labels.map((label: { name: string }) => label.name).sort()).toEqual(['customer', 'tenant-hub', 'tier'])
    expect(subaccounts.data.value[0].entitlements.every((e: { entityId: string }) => e.entityId === ACME.tenantId)).toBe(true)
    expect(subaccounts.data.value[0].entitlements.length).toBeGreaterThan(0)

    expect((await asAcme('GlobalAccounts')).data.value).toEqual([])
    expect((await asAcme('Directories')).data.value).toEqual([])
    expect((await asAcme('DirectoryLabels')).data.value).toEqual([])
    const dataCenters = await asAcme('DataCenters')
    expect(dataCenters.data.value.map((dc: { region: string }) => dc.region)).toEqual(['eu10'])
    expect(dataCenters.status).toBe(200)
  })

  test('whose sync status says so', async () => {
    const res = await asAcme('SyncStatus')
    expect(res.data).toMatchObject({ source_code: 'provider', subaccountOnly: ACME.tenantId, globalAccount_guid: null, lastError: null })
    expect(res.status).toBe(200)
  })

  test("without the global account's quotas on its service plans and entitlements", async () => {
    const plans = await asAcme('ServicePlans?$expand=entitlements')
    expect(plans.data.value.length).toBeGreaterThan(0)
    for (const plan of plans.data.value) {
      expect(plan).toMatchObject({ amount: null, remainingAmount: null })
      for (const entitlement of plan.entitlements) expect(entitlement).toMatchObject({ entityId: ACME.tenantId, parentId: null, parentAmount: null, parentRemainingAmount: null })
    }
    expect(plans.status).toBe(200)
  })
})

describe('no path reaches data of the provider or another tenant', () => {
  test('by key: other subaccounts, directories and the global account are not found', async () => {
    for (const path of [
      `Subaccounts('${INITECH.tenantId}')`,
      `Subaccounts('${PROVIDER.tenantId}')`,
      `Subaccounts('${GLOBEX.tenantId}')`,
      `Directories('${dir.dach}')`,
      `GlobalAccounts('${GA}')`,
      `Subaccounts('${sub.sharedServices}')/labels`,
      `Entitlements(servicePlan_serviceName='hana-cloud',servicePlan_name='hana',entityId='${PROVIDER.tenantId}')`
    ]) {
      const res = await asAcme(path)
      expect({ path, status: res.status }).toEqual({ path, status: 404 })
    }
  })

  test('by $expand: its own subaccount leads to no directory or global account', async () => {
    const res = await asAcme(`Subaccounts('${ACME.tenantId}')?$expand=directory($expand=subaccounts,parent),globalAccount($expand=subaccounts)`)
    expect(res.data).toMatchObject({ guid: ACME.tenantId, directory: null, globalAccount: null })
    const plans = await asAcme(`ServicePlans?$expand=entitlements($expand=subaccount,directory)`)
    const reached = plans.data.value.flatMap((plan: { entitlements: Array<{ subaccount: { guid: string } | null; directory: unknown }> }) =>
      plan.entitlements.map(e => [e.subaccount?.guid, e.directory])
    )
    expect(new Set(reached.map(([guid]: [string]) => guid))).toEqual(new Set([ACME.tenantId]))
    expect(reached.every(([, directory]: [string, unknown]) => directory === null)).toBe(true)
    expect(plans.status).toBe(200)
  })

  test('by $filter and $search: other tenants are simply not there', async () => {
    for (const path of [
      `Subaccounts?$filter=guid eq '${INITECH.tenantId}'`,
      `Subaccounts?$filter=guid ne '${ACME.tenantId}'`,
      `Subaccounts?$filter=contains(displayName,'Initech') or region eq 'us10'`,
      `Subaccounts?$search=Shared`,
      `SubaccountLabels?$filter=subaccount_guid ne '${ACME.tenantId}'`,
      `Entitlements?$filter=entityId ne '${ACME.tenantId}'`,
      `Directories?$filter=parent_guid eq null or parent_guid ne null`
    ]) {
      const res = await asAcme(path)
      expect({ path, value: res.data.value }).toEqual({ path, value: [] })
    }
    const count = await asAcme('Subaccounts/$count')
    expect(count.data).toBe(1)
  })

  test('by $batch: each request is answered from the caller tenant only', async () => {
    const res = await accounts.batch(ACME.tenantId, [
      `Subaccounts('${INITECH.tenantId}')`,
      'Subaccounts?$select=guid',
      `Directories('${dir.emea}')/subaccounts`,
      `GlobalAccounts('${GA}')/subaccounts`
    ])
    expect(res.data.responses).toMatchObject([
      { id: '1', status: 404 },
      { id: '2', status: 200, body: { value: [{ guid: ACME.tenantId }] } },
      { id: '3', status: 404 },
      { id: '4', status: 404 }
    ])
    expect(res.status).toBe(200)
  })

  test('by refresh: a tenant re-syncs only its own replica; the others keep theirs', async () => {
    const refreshed = await accounts.refresh(ACME.tenantId)
    expect(refreshed.data).toMatchObject({ source_code: 'provider', subaccountOnly: ACME.tenantId })
    expect(refreshed.status).toBe(200)
    expect(guids((await asAcme('Subaccounts')).data.value)).toEqual([ACME.tenantId])
    expect(guids((await accounts.read(INITECH.tenantId, 'Subaccounts')).data.value)).toEqual([INITECH.tenantId])
    const provider = await accounts.read(PROVIDER.tenantId, 'Subaccounts/$count')
    expect(provider.data).toBe(accounts.app.sandbox.cis.store.subaccounts(GA).length)
  })

  test('concurrent readers of different tenants each get their own data', async () => {
    const tenants = [ACME.tenantId, INITECH.tenantId, ACME.tenantId, INITECH.tenantId, PROVIDER.tenantId]
    const results = await Promise.all(tenants.map(tenant => accounts.read(tenant, 'Subaccounts?$select=guid&$top=1000')))
    expect(guids(results[0].data.value)).toEqual([ACME.tenantId])
    expect(guids(results[1].data.value)).toEqual([INITECH.tenantId])
    expect(guids(results[2].data.value)).toEqual([ACME.tenantId])
    expect(guids(results[3].data.value)).toEqual([INITECH.tenantId])
    expect(results[4].data.value.length).toBe(accounts.app.sandbox.cis.store.subaccounts(GA).length)
  })

  test("a subscriber's own global account is not reachable by another subscriber", async () => {
    await accounts.subscribe(GLOBEX)
    const res = await asAcme(`Subaccounts('${SUBSCRIBER_SEED.subaccounts.erp}')`)
    expect(res.status).toBe(404)
  })
})

describe('who may read', () => {
  test('a user without the Viewer scope is refused with 403', async () => {
    const res = await accounts.app.test.GET('/odata/v4/accounts/Subaccounts', accounts.as(ACME.tenantId, []))
    expect(res.status).toBe(403)
  })

  test('a request without a token is asked to log in (401)', async () => {
    const res = await accounts.app.test.GET('/odata/v4/accounts/Subaccounts')
    expect(res.status).toBe(401)
  })

  test('a token with a forged signature is refused with 401', async () => {
    const token = accounts.as(ACME.tenantId).headers.authorization
    const [header, payload] = token.slice('Bearer '.length).split('.')
    const forged = `Bearer ${header}.${payload}.${Buffer.from('forged').toString('base64url')}`
    const res = await accounts.app.test.GET('/odata/v4/accounts/Subaccounts', { headers: { authorization: forged } })
    expect(res.status).toBe(401)
  })

  test('a Viewer of a tenant that is not subscribed is refused with 403 and causes no CIS call', async () => {
    const stranger = { tenantId: '0f5b7c1e-2d3a-4b4c-9d8e-7f6a5b4c3d2e', subdomain: 'stranger' }
    accounts.app.sandbox.registerSubscriber(stranger)
    const res = await accounts.read(stranger.tenantId, 'Subaccounts')
    expect(res.data.error).toMatchObject({ code: 'TENANT_NOT_SUBSCRIBED' })
    expect(res.status).toBe(403)
    expect(accounts.cisCalls()).toBe(0)
  })
})
