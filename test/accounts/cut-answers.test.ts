/**
 * A global account is read from CIS in parts while its answer arrives (srv/cis/json-splitter.ts). When CIS dies
 * half-way through that answer — the connection reset, or no further byte — the sync is retried from the start,
 * and when that fails too the reader gets a 502 and the replica is left as it was: never half a global account.
 */
import { PROVIDER } from '../../sandbox/identities.js'
import { accountsApp, TEST_ACCOUNT_DATA } from './helpers/accounts-app.js'

const accounts = accountsApp()
const TREE = 'GET /accounts/v1/globalAccount'
const ASSIGNMENTS = 'GET /entitlements/v1/assignments'
const faults = () => accounts.app.sandbox.faults
const subaccountsOfProvider = () => accounts.app.sandbox.cis.store.subaccounts(PROVIDER.globalAccountGuid).length

describe.each([
  ['reset', TREE],
  ['stall', TREE],
  ['reset', ASSIGNMENTS],
  ['stall', ASSIGNMENTS]
] as const)('CIS cutting the answer of %s half-way (%s)', (cut, endpoint) => {
  test('once: the retry reads the whole global account', async () => {
    const tenant = await accounts.newSubscriberWithOwnCis()
    faults().add({ simulator: 'cis', endpoint, bodyCut: cut, times: 1 })

    const res = await accounts.read(tenant.tenantId, 'Subaccounts/$count')
    expect(res.status).toBe(200)
    expect(res.data).toBe(subaccountsOfProvider())
    expect(accounts.cisCalls(endpoint)).toBe(2)
  })

  test('every time: 502 saying CIS did not answer, and nothing replicated', async () => {
    const tenant = await accounts.newSubscriberWithOwnCis()
    faults().add({ simulator: 'cis', endpoint, bodyCut: cut, times: 10 })

    const res = await accounts.read(tenant.tenantId, 'Subaccounts')
    expect(res.data.error).toMatchObject({ code: 'CIS_UNREACHABLE', message: expect.stringContaining('"CIS"') })
    expect(res.status).toBe(502)
    expect(accounts.cisCalls(endpoint)).toBe(TEST_ACCOUNT_DATA.requestAttempts)

    faults().clear()
    const status = await accounts.read(tenant.tenantId, 'SyncStatus')
    expect(status.data).toMatchObject({ lastSyncedAt: null, lastErrorCode: 'CIS_UNREACHABLE' })
  })
})
