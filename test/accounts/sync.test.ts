/**
 * Freshness: a tenant's replica is synced when a read finds it older than the bound, once however many readers
 * wait for it, never while it is fresh, and at once on `refresh`. Tenants never wait for each other.
 */
import cds from '@sap/cds'
import { SyncStatuses } from '#cds-models/tenanthub'
import { SYNC_STATUS_ID } from '../../srv/accounts/replica-store.js'
import { accountsApp, PROVIDER } from './helpers/accounts-app.js'

const accounts = accountsApp()
const GA = PROVIDER.globalAccountGuid
const FIVE_MINUTES = 5 * 60_000
const cis = () => accounts.app.sandbox.cis
/** The one call of a whole-global-account sync to the accounts service. */
const TREE = 'GET /accounts/v1/globalAccount'

/** Writes the tenant's sync status as another app instance would. */
function asAnotherInstance(tenantId: string, fields: Record<string, unknown>): Promise<unknown> {
  return cds.tx({ tenant: tenantId }, tx => tx.run(UPDATE(SyncStatuses).set(fields).where({ ID: SYNC_STATUS_ID })))
}

test('the first read syncs the replica, the next reads within five minutes are served without CIS', async () => {
  const tenant = await accounts.newSubscriberWithOwnCis()
  const first = await accounts.read(tenant.tenantId, 'Subaccounts/$count')
  expect(first.data).toBe(cis().store.subaccounts(GA).length)
  expect(accounts.cisCalls(TREE)).toBe(1)

  await accounts.ageReplica(tenant.tenantId, FIVE_MINUTES - 30_000)
  for (const path of ['Subaccounts', 'Directories', 'SyncStatus', 'ServicePlans']) expect((await accounts.read(tenant.tenantId, path)).status).toBe(200)
  expect(accounts.cisCalls(TREE)).toBe(1)
})

test('a read on a replica older than five minutes syncs it first and serves what CIS has now', async () => {
  const tenant = await accounts.newSubscriberWithOwnCis()
  await accounts.read(tenant.tenantId, 'Subaccounts/$count')
  const newcomer = await accounts.newSubscriber('newcomer')

  await accounts.ageReplica(tenant.tenantId, FIVE_MINUTES + 1_000)
  const res = await accounts.read(tenant.tenantId, `Subaccounts('${newcomer.tenantId}')`)
  expect(res.data).toMatchObject({ guid: newcomer.tenantId, displayName: newcomer.subdomain })
  expect(res.headers['sap-messages']).toBeUndefined()
  expect(res.status).toBe(200)
  expect(accounts.cisCalls(TREE)).toBe(2)
})

test('exactly one CIS sync under 50 concurrent reads of a stale replica, and all of them get the synced data', async () => {
  const tenant = await accounts.newSubscriberWithOwnCis()
  await accounts.read(tenant.tenantId, 'Subaccounts/$count')
  await accounts.ageReplica(tenant.tenantId, FIVE_MINUTES + 1_000)
  accounts.app.sandbox.counter.reset()

  const paths = ['Subaccounts?$select=guid', 'Directories/$count', 'SyncStatus', 'Subaccounts/$count', 'Entitlements?$top=1']
  const reads = await Promise.all(Array.from({ length: 50 }, (_, n) => accounts.read(tenant.tenantId, paths[n % paths.length])))

  expect(accounts.cisCalls(TREE)).toBe(1)
  expect(accounts.cisCalls()).toBe(3) // one sync: global account tree, assignments, data centers
  expect(reads.map(read => read.status)).toEqual(Array(50).fill(200))
  expect(reads.filter((_, n) => n % paths.length === 3).map(read => read.data)).toEqual(Array(10).fill(cis().store.subaccounts(GA).length))
  const status = await accounts.read(tenant.tenantId, 'SyncStatus')
  expect(Date.parse(status.data.lastSyncedAt)).toBeGreaterThan(Date.now() - 60_000)
})

test('exactly one CIS sync under 50 concurrent first reads of a new tenant', async () => {
  const tenant = await accounts.newSubscriberWithOwnCis()
  const reads = await Promise.all(Array.from({ length: 50 }, () => accounts.read(tenant.tenantId, 'Directories/$count')))
  expect(accounts.cisCalls(TREE)).toBe(1)
  expect(new Set(reads.map(read => `${read.status} ${read.data}`))).toEqual(new Set([`200 ${cis().store.directories(GA).length}`]))
})

test('refresh syncs a fresh replica at once and answers the new sync status', async () => {
  const tenant = await accounts.newSubscriberWithOwnCis()
  const before = await accounts.read(tenant.tenantId, 'SyncStatus')
  const newcomer = await accounts.newSubscriber('refreshed')

  const refreshed = await accounts.refresh(tenant.tenantId)
  expect(refreshed.data).toMatchObject({ source_code: 'own', globalAccount_guid: GA, lastError: null, lastErrorCode: null })
  expect(Date.parse(refreshed.data.lastSyncedAt)).toBeGreaterThan(Date.parse(before.data.lastSyncedAt))
  expect(Date.parse(refreshed.data.freshUntil) - Date.parse(refreshed.data.lastSyncedAt)).toBe(FIVE_MINUTES)
  expect(refreshed.status).toBe(200)
  expect(accounts.cisCalls(TREE)).toBe(2)
  expect((await accounts.read(tenant.tenantId, `Subaccounts('${newcomer.tenantId}')`)).status).toBe(200)
})

test('concurrent refreshes of one tenant share one sync', async () => {
  const tenant = await accounts.newSubscriberWithOwnCis()
  await accounts.read(tenant.tenantId, 'SyncStatus')
  accounts.app.sandbox.counter.reset()
  const results = await Promise.all(Array.from({ length: 10 }, () => accounts.refresh(tenant.tenantId)))
  expect(results.map(result => result.status)).toEqual(Array(10).fill(200))
  expect(accounts.cisCalls(TREE)).toBe(1)
})

test('a subaccount removed from CIS is gone from the replica after the next sync', async () => {
  const tenant = await accounts.newSubscriberWithOwnCis()
  const newcomer = await accounts.newSubscriber('leaving')
  expect((await accounts.read(tenant.tenantId, `Subaccounts('${newcomer.tenantId}')`)).status).toBe(200)

  cis().reset() // back to the seed: the newcomer's subaccount is gone
  await accounts.refresh(tenant.tenantId)
  expect((await accounts.read(tenant.tenantId, `Subaccounts('${newcomer.tenantId}')`)).status).toBe(404)
  expect((await accounts.read(tenant.tenantId, 'Subaccounts/$count')).data).toBe(cis().store.subaccounts(GA).length)
})

test("one tenant's slow sync does not hold up another tenant's reads", async () => {
  const slow = await accounts.newSubscriberWithOwnCis()
  const quick = await accounts.newSubscriber('quick')
  accounts.app.sandbox.faults.add({ simulator: 'cis', endpoint: TREE, delayMs: 800, times: 1 })

  const started = Date.now()
  const slowRead = accounts.read(slow.tenantId, 'Subaccounts/$count').then(res => ({ res, ms: Date.now() - started }))
  const quickRead = accounts.read(quick.tenantId, 'Subaccounts').then(res => ({ res, ms: Date.now() - started }))
  const [slowResult, quickResult] = await Promise.all([slowRead, quickRead])

  expect(quickResult.res.data.value).toMatchObject([{ guid: quick.tenantId }])
  expect(slowResult.res.status).toBe(200)
  expect(slowResult.ms).toBeGreaterThanOrEqual(800)
  expect(quickResult.ms).toBeLessThan(slowResult.ms)
})

describe('across app instances, the lease in the sync status lets one sync at a time', () => {
  test('while another instance holds the lease, readers wait for its outcome instead of calling CIS', async () => {
    const tenant = await accounts.newSubscriberWithOwnCis()
    await accounts.read(tenant.tenantId, 'SyncStatus')
    await accounts.ageReplica(tenant.tenantId, FIVE_MINUTES + 1_000)
    await asAnotherInstance(tenant.tenantId, { leaseOwner: 'other-instance', leaseUntil: new Date(Date.now() + 10_000).toISOString() })
    accounts.app.sandbox.counter.reset()

    const read = accounts.read(tenant.tenantId, 'Subaccounts/$count')
    await new Promise(resolve => setTimeout(resolve, 400))
    const syncedElsewhere = new Date().toISOString()
    await asAnotherInstance(tenant.tenantId, { lastSyncedAt: syncedElsewhere, leaseOwner: null, leaseUntil: null })

    const res = await read
    expect(res.data).toBe(cis().store.subaccounts(GA).length)
    expect(res.headers['sap-messages']).toBeUndefined()
    expect(accounts.cisCalls()).toBe(0)
    expect((await accounts.read(tenant.tenantId, 'SyncStatus')).data.lastSyncedAt).toBe(syncedElsewhere)
  })

  test('an expired lease of an instance that died is taken over', async () => {
    const tenant = await accounts.newSubscriberWithOwnCis()
    await accounts.read(tenant.tenantId, 'SyncStatus')
    await accounts.ageReplica(tenant.tenantId, FIVE_MINUTES + 1_000)
    await asAnotherInstance(tenant.tenantId, { leaseOwner: 'dead-instance', leaseUntil: new Date(Date.now() - 1_000).toISOString() })
    accounts.app.sandbox.counter.reset()

    const res = await accounts.read(tenant.tenantId, 'SyncStatus')
    expect(res.data).toMatchObject({ lastError: null })
    expect(Date.parse(res.data.lastSyncedAt)).toBeGreaterThan(Date.now() - 10_000)
    expect(accounts.cisCalls(TREE)).toBe(1)
  })
})
