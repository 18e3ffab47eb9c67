/**
 * The size knob (`subaccountCount`, up to 10,000 per global account) and deterministic seeding.
 */
import { PROVIDER } from '../../sandbox/identities.js'
import {
  CisConfigError,
  generatedSubaccountGuid,
  PROVIDER_SEED,
  type SubaccountResponse,
  type SubaccountsResponse
} from '../../sandbox/cis/index.js'
import { startCisTestSandbox, type CisTestSandbox } from './helpers/cis-sandbox.js'

describe('a global account with 10,000 subaccounts', () => {
  let sandbox: CisTestSandbox
  let token: string
  let startMillis: number

  beforeAll(async () => {
    const started = performance.now()
    sandbox = await startCisTestSandbox({ globalAccounts: [{ guid: PROVIDER.globalAccountGuid, subaccountCount: 10_000 }] })
    startMillis = performance.now() - started
    token = await sandbox.tokenFor(PROVIDER.globalAccountGuid)
  })

  afterAll(() => sandbox.cis.close())

  it('starts in under a second', () => {
    expect(startMillis).toBeLessThan(1000)
  })

  it('lists all 10,000 subaccounts in one answer, quickly', async () => {
    const started = performance.now()
    const { status, body } = await sandbox.accounts<SubaccountsResponse>('/accounts/v1/subaccounts', token)
    const elapsed = performance.now() - started
    expect(body.value).toHaveLength(10_000)
    expect(new Set(body.value.map(subaccount => subaccount.guid)).size).toBe(10_000)
    expect(elapsed).toBeLessThan(2000)
    expect(status).toBe(200)
  })

  it('keeps the seeded subaccounts and serves a generated one by guid', async () => {
    const n = 4321
    const guid = generatedSubaccountGuid(PROVIDER.globalAccountGuid, n)
    const { body } = await sandbox.accounts<SubaccountResponse>(`/accounts/v1/subaccounts/${guid}`, token)
    expect(body).toMatchObject({
      displayName: 'Customer 04322',
      globalAccountGUID: PROVIDER.globalAccountGuid,
      state: 'OK',
      labels: { generated: ['true'], batch: ['batch-1'] }
    })
    expect(Number.isInteger(body.createdDate)).toBe(true)
    const list = await sandbox.accounts<SubaccountsResponse>('/accounts/v1/subaccounts', token)
    const guids = new Set(list.body.value.map(subaccount => subaccount.guid))
    for (const seeded of Object.values(PROVIDER_SEED.subaccounts)) expect(guids.has(seeded)).toBe(true)
  })

  it('spreads generated subaccounts over the root and generated directories', async () => {
    const { body } = await sandbox.accounts<SubaccountsResponse>('/accounts/v1/subaccounts', token)
    const parents = new Set(body.value.map(subaccount => subaccount.parentType))
    expect(parents).toEqual(new Set(['ROOT', 'PROJECT', 'FOLDER']))
    const firstUnitFolder = body.value.find(subaccount => subaccount.displayName === 'Customer 00003')!
    const inFolder = await sandbox.accounts<SubaccountsResponse>(`/accounts/v1/subaccounts?directoryGUID=${firstUnitFolder.parentGUID}`, token)
    expect(inFolder.body.value.length).toBeGreaterThan(100)
  })

  it('selects generated subaccounts by label', async () => {
    const { body } = await sandbox.accounts<SubaccountsResponse>('/accounts/v1/subaccounts?labelSelector=batch%3Dbatch-7', token)
    expect(body.value.length).toBeGreaterThan(900)
    expect(body.value.every(subaccount => subaccount.labels?.batch?.[0] === 'batch-7')).toBe(true)
  })
})

describe('seeding', () => {
  it('gives the same guids on every start and after reset', async () => {
    const first = await startCisTestSandbox()
    const second = await startCisTestSandbox()
    try {
      const guidsOf = async (sandbox: CisTestSandbox) => {
        const token = await sandbox.tokenFor(PROVIDER.globalAccountGuid)
        return (await sandbox.accounts<SubaccountsResponse>('/accounts/v1/subaccounts', token)).body.value.map(subaccount => subaccount.guid)
      }
      const before = await guidsOf(first)
      expect(await guidsOf(second)).toEqual(before)
      first.cis.reset()
      expect(await guidsOf(first)).toEqual(before)
      expect(second.cis.credentials.map(entry => entry.clientId)).toEqual(first.cis.credentials.map(entry => entry.clientId))
    } finally {
      await Promise.all([first.cis.close(), second.cis.close()])
    }
  })

  it('fills a global account without a seed of its own with generated subaccounts', async () => {
    const sandbox = await startCisTestSandbox({ globalAccounts: [{ displayName: 'Extra Global Account', subaccountCount: 5 }] })
    try {
      const [credentials] = sandbox.cis.credentials
      const token = await sandbox.tokenFor(credentials.globalAccountGuid)
      const { body } = await sandbox.accounts<SubaccountsResponse>('/accounts/v1/subaccounts', token)
      expect(body.value).toHaveLength(5)
      expect(sandbox.cis.snapshot().globalAccounts[0].displayName).toBe('Extra Global Account')
    } finally {
      await sandbox.cis.close()
    }
  })

  it('refuses a subaccountCount above 10,000', async () => {
    await expect(startCisTestSandbox({ globalAccounts: [{ subaccountCount: 10_001 }] })).rejects.toThrow(CisConfigError)
  })

  it('refuses a subaccountCount that would drop seeded subaccounts', async () => {
    await expect(startCisTestSandbox({ globalAccounts: [{ guid: PROVIDER.globalAccountGuid, subaccountCount: 3 }] })).rejects.toThrow(
      /seeded subaccounts/
    )
  })
})
