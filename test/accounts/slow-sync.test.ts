/**
 * A sync that CIS makes slow does not hold up readers of a replica that was synced before: they wait at most
 * `staleReadWaitMs` and are served that replica with a warning, while the one sync goes on in the background.
 */
import { accountsApp, PROVIDER, TEST_ACCOUNT_DATA, type TestTenant } from './helpers/accounts-app.js'

/**
 * Readers of a good replica wait this long for a due sync. CIS is made much slower than that, so that every one of
 * several concurrent reads, however late a busy machine serves it, still finds the sync under way; and it still
 * answers within the request timeout.
 */
const STALE_READ_WAIT_MS = 200
const CIS_DELAY_MS = 2_000

const accounts = accountsApp({ accountData: { ...TEST_ACCOUNT_DATA, requestTimeoutMs: 5_000, staleReadWaitMs: STALE_READ_WAIT_MS } })
const faults = () => accounts.app.sandbox.faults
const GA = PROVIDER.globalAccountGuid
const FIVE_MINUTES = 5 * 60_000
/** The call of a whole-global-account sync that the tests slow down. */
const TREE = 'GET /accounts/v1/globalAccount'

/** A subscriber that replicates the whole global account, synced once; its replica is stale now. */
async function subscriberWithStaleReplica(): Promise<TestTenant & { lastSyncedAt: string }> {
  const tenant = await accounts.newSubscriberWithOwnCis()
  expect((await accounts.read(tenant.tenantId, 'Subaccounts/$count')).status).toBe(200)
  return { ...tenant, lastSyncedAt: await accounts.ageReplica(tenant.tenantId, FIVE_MINUTES + 1_000) }
}

/** Reads the sync status until it records the outcome of a sync started at `since` or later. */
async function syncEndedAfter(tenantId: string, since: number): Promise<Record<string, unknown>> {
  for (;;) {
    const status = (await accounts.read(tenantId, 'SyncStatus')).data
    if (status.lastAttemptAt && Date.parse(status.lastAttemptAt) >= since) return status
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

const messagesOf = (res: { headers: Record<string, string | undefined> }) => JSON.parse(res.headers['sap-messages'] ?? '[]')

test('readers of a stale replica get it with a warning while a slow sync runs, then the synced data', async () => {
  const tenant = await subscriberWithStaleReplica()
  const newcomer = await accounts.newSubscriber('newcomer')
  accounts.app.sandbox.counter.reset()
  faults().add({ simulator: 'cis', endpoint: '/accounts/v1/globalAccount', delayMs: CIS_DELAY_MS, times: 1 })
  const readsStarted = Date.now()

  const reads = await Promise.all(Array.from({ length: 10 }, () => accounts.read(tenant.tenantId, `Subaccounts?$filter=guid eq '${newcomer.tenantId}'`)))
  for (const read of reads) {
    expect(read.status).toBe(200)
    expect(read.data.value).toEqual([]) // the replica as of the last sync, before the newcomer subscribed
    expect(messagesOf(read)).toMatchObject([
      { code: 'ACCOUNT_DATA_SYNCING', message: expect.stringContaining(tenant.lastSyncedAt), numericSeverity: 3 }
    ])
  }

  const status = await syncEndedAfter(tenant.tenantId, readsStarted)
  expect(status).toMatchObject({ lastErrorCode: null })
  const after = await accounts.read(tenant.tenantId, `Subaccounts('${newcomer.tenantId}')`)
  expect(after.data).toMatchObject({ guid: newcomer.tenantId })
  expect(after.headers['sap-messages']).toBeUndefined()
  expect(accounts.cisCalls(TREE)).toBe(1) // one sync for all readers, none after it
})

test('a slow sync that then fails leaves the replica as it was and its failure in the sync status', async () => {
  const tenant = await subscriberWithStaleReplica()
  faults().add({ simulator: 'cis', endpoint: '/accounts/v1/globalAccount', delayMs: CIS_DELAY_MS, status: 500, times: 2 })
  const readStarted = Date.now()

  const during = await accounts.read(tenant.tenantId, 'Subaccounts/$count')
  expect(messagesOf(during)).toMatchObject([{ code: 'ACCOUNT_DATA_SYNCING' }])
  expect(during.data).toBe(accounts.app.sandbox.cis.store.subaccounts(GA).length)

  expect(await syncEndedAfter(tenant.tenantId, readStarted)).toMatchObject({ lastSyncedAt: tenant.lastSyncedAt, lastErrorCode: 'CIS_FAILED' })
  const afterwards = await accounts.read(tenant.tenantId, 'Subaccounts/$count')
  expect(messagesOf(afterwards)).toMatchObject([{ code: 'ACCOUNT_DATA_STALE', message: expect.stringContaining(tenant.lastSyncedAt) }])
  expect(afterwards.status).toBe(200)
})

test('a tenant with nothing synced yet waits for the whole slow sync: there is nothing older to serve', async () => {
  const tenant = await accounts.newSubscriberWithOwnCis()
  faults().add({ simulator: 'cis', endpoint: '/accounts/v1/globalAccount', delayMs: CIS_DELAY_MS, times: 1 })

  const first = await accounts.read(tenant.tenantId, 'Subaccounts/$count')
  expect(first.data).toBe(accounts.app.sandbox.cis.store.subaccounts(GA).length)
  expect(first.headers['sap-messages']).toBeUndefined()
  expect(first.status).toBe(200)
})

test('refresh waits for the whole slow sync and answers its outcome', async () => {
  const tenant = await subscriberWithStaleReplica()
  faults().add({ simulator: 'cis', endpoint: '/accounts/v1/globalAccount', delayMs: CIS_DELAY_MS, times: 1 })

  const refreshed = await accounts.refresh(tenant.tenantId)
  expect(refreshed.status).toBe(200)
  expect(Date.parse(refreshed.data.lastSyncedAt)).toBeGreaterThan(Date.parse(tenant.lastSyncedAt))
})
