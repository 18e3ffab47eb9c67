/**
 * A subscriber that brings its own CIS destination sees its own global account, complete — never the provider's —
 * and falls back to its own subaccount of the provider's global account only when its destination is gone.
 */
import { SUBSCRIBER_GLOBAL_ACCOUNT, SUBSCRIBER_SEED } from '../../sandbox/cis/index.js'
import { cisDestination } from '../../sandbox/landscape-destinations.js'
import { accountsApp, DEMO_TENANTS, PROVIDER } from './helpers/accounts-app.js'
import { expectedGlobalAccount, expectedSubaccount } from './helpers/cis-expectations.js'

const accounts = accountsApp()
const GLOBEX = DEMO_TENANTS[1]
const OWN_GA = SUBSCRIBER_GLOBAL_ACCOUNT.guid
const cis = () => accounts.app.sandbox.cis
const asGlobex = (path: string) => accounts.read(GLOBEX.tenantId, path)
const sortedGuids = (rows: Array<{ guid: string }>) => rows.map(row => row.guid).sort()

beforeAll(() => accounts.subscribe(GLOBEX))

test('Globex reads its own global account with its directory and all its subaccounts', async () => {
  const ga = await asGlobex('GlobalAccounts?$expand=directories($select=displayName),subaccounts($select=guid)')
  expect(ga.data.value).toMatchObject([{ ...expectedGlobalAccount(cis(), OWN_GA), directories: [{ displayName: 'Globex IT' }] }])
  expect(sortedGuids(ga.data.value[0].subaccounts)).toEqual(Object.values(SUBSCRIBER_SEED.subaccounts).sort())

  const erp = await asGlobex(`Subaccounts('${SUBSCRIBER_SEED.subaccounts.erp}')`)
  expect(erp.data).toMatchObject(expectedSubaccount(cis(), OWN_GA, SUBSCRIBER_SEED.subaccounts.erp))
  expect(erp.status).toBe(200)
})

test('its sync status names its own destination as the source', async () => {
  const res = await asGlobex('SyncStatus')
  expect(res.data).toMatchObject({ source_code: 'own', globalAccount_guid: OWN_GA, subaccountOnly: null, lastError: null })
  expect(res.status).toBe(200)
})

test("it sees nothing of the provider's global account, not even its own subaccount there", async () => {
  expect((await asGlobex(`Subaccounts('${GLOBEX.tenantId}')`)).status).toBe(404)
  expect((await asGlobex(`GlobalAccounts('${PROVIDER.globalAccountGuid}')`)).status).toBe(404)
  const all = await asGlobex('Subaccounts?$select=globalAccount_guid')
  expect(new Set(all.data.value.map((row: { globalAccount_guid: string }) => row.globalAccount_guid))).toEqual(new Set([OWN_GA]))
})

test("its entitlements and service plans are its own global account's, with their quotas", async () => {
  const plans = await asGlobex(`ServicePlans/$count`)
  expect(plans.data).toBe(cis().store.services(OWN_GA).flatMap(service => service.plans).length)
  const hana = await asGlobex(`ServicePlans(serviceName='hana-cloud',name='hana')?$expand=entitlements`)
  expect(hana.data).toMatchObject({ amount: 4, entitlements: [{ entityId: SUBSCRIBER_SEED.subaccounts.erp, amount: 2, parentId: OWN_GA }] })
  expect(hana.status).toBe(200)
})

test('a new subscriber bringing its own destination replicates that global account, the provider and Globex theirs', async () => {
  const tenant = await accounts.newSubscriberWithOwnCis(OWN_GA)
  const res = await accounts.read(tenant.tenantId, 'Subaccounts/$count')
  expect(res.data).toBe(cis().store.subaccounts(OWN_GA).length)
  const provider = await accounts.read(PROVIDER.tenantId, 'Subaccounts/$count')
  expect(provider.data).toBe(cis().store.subaccounts(PROVIDER.globalAccountGuid).length)
})

test('without its own destination any more, a refresh falls back to its own subaccount of the provider', async () => {
  const tenant = await accounts.newSubscriberWithOwnCis(OWN_GA)
  expect((await accounts.read(tenant.tenantId, 'Subaccounts/$count')).data).toBe(cis().store.subaccounts(OWN_GA).length)

  accounts.app.sandbox.deleteDestination({ tenant: tenant.tenantId, name: 'CIS' })
  await accounts.app.forgetAppCaches()
  const refreshed = await accounts.refresh(tenant.tenantId)
  expect(refreshed.data).toMatchObject({ source_code: 'provider', subaccountOnly: tenant.tenantId, globalAccount_guid: null })
  expect(refreshed.status).toBe(200)
  const subaccounts = await accounts.read(tenant.tenantId, 'Subaccounts?$select=guid')
  expect(subaccounts.data.value).toEqual([expect.objectContaining({ guid: tenant.tenantId })])
  expect((await accounts.read(tenant.tenantId, 'Directories')).data.value).toEqual([])
})

test('an own destination with wrong credentials fails clearly and never falls back to the provider', async () => {
  const tenant = await accounts.newSubscriber('bad-cis')
  const credentials = cis().credentials.find(candidate => candidate.globalAccountGuid === OWN_GA)!
  accounts.app.sandbox.putDestination({ tenant: tenant.tenantId, destination: cisDestination(credentials, { clientSecret: 'wrong' }) })

  const res = await accounts.read(tenant.tenantId, 'Subaccounts')
  expect(res.data.error).toMatchObject({ code: 'CIS_DESTINATION_TOKEN_FAILED', message: expect.stringContaining('"CIS"') })
  expect(res.status).toBe(502)
  expect(accounts.cisCalls()).toBe(0)
})
