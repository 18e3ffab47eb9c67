/**
 * A global account of 10,000 subaccounts: one sync replicates it, counts are right, and pages are limited on the
 * server (default 200, at most 1,000 per page) with next links that walk the whole collection.
 */
import { SUBSCRIBER_GLOBAL_ACCOUNT } from '../../sandbox/cis/index.js'
import { accountsApp, PROVIDER } from './helpers/accounts-app.js'

const SUBACCOUNTS = 10_000
const accounts = accountsApp({
  cis: { globalAccounts: [{ guid: PROVIDER.globalAccountGuid, subaccountCount: SUBACCOUNTS }, { guid: SUBSCRIBER_GLOBAL_ACCOUNT.guid }] }
})
const GA = PROVIDER.globalAccountGuid
const cis = () => accounts.app.sandbox.cis
const asProvider = (path: string) => accounts.read(PROVIDER.tenantId, path)

test('one sync replicates all 10,000 subaccounts with their directories, labels and entitlements, in seconds', async () => {
  const started = Date.now()
  const res = await accounts.refresh(PROVIDER.tenantId)
  expect(res.data).toMatchObject({ globalAccount_guid: GA, lastError: null })
  expect(res.status).toBe(200)
  expect(Date.now() - started).toBeLessThan(15_000)
  expect(accounts.cisCalls()).toBe(3)

  expect((await asProvider('Subaccounts/$count')).data).toBe(SUBACCOUNTS)
  expect((await asProvider('Directories/$count')).data).toBe(cis().store.directories(GA).length)
  expect((await asProvider('Entitlements/$count')).data).toBe(cis().store.assignments(GA).length)
  const labels = cis().store.subaccounts(GA).reduce((n, s) => n + Object.values(s.labels ?? {}).reduce((m, values) => m + Math.max(1, values.length), 0), 0)
  expect((await asProvider('SubaccountLabels/$count')).data).toBe(labels)
})

test('counts with filters match the CIS data', async () => {
  for (const region of ['eu10', 'us10', 'ap21']) {
    const res = await asProvider(`Subaccounts?$filter=region eq '${region}'&$count=true&$top=0`)
    expect({ region, count: res.data['@odata.count'] }).toEqual({ region, count: cis().store.subaccounts(GA).filter(s => s.region === region).length })
  }
})

test('without $top a page holds 200 subaccounts and links to the next one', async () => {
  const res = await asProvider('Subaccounts?$count=true&$select=guid')
  expect(res.data['@odata.count']).toBe(SUBACCOUNTS)
  expect(res.data.value).toHaveLength(200)
  expect(res.data['@odata.nextLink']).toEqual(expect.any(String))
  expect(res.status).toBe(200)
})

/** Follows `@odata.nextLink` from `path`; answers every page's guids. */
async function walk(path: string): Promise<string[][]> {
  const pages: string[][] = []
  for (let next: string | undefined = path; next; ) {
    const res = await asProvider(next)
    expect(res.status).toBe(200)
    pages.push(res.data.value.map((row: { guid: string }) => row.guid))
    next = res.data['@odata.nextLink']
  }
  return pages
}

test('the next links walk all 10,000 in pages of 200, without gaps or repeats', async () => {
  const pages = await walk('Subaccounts?$select=guid&$orderby=guid')
  // A full page always links on; CAP cannot tell that the 50th was the last, so an empty page may follow.
  expect(pages.map(page => page.length).filter(length => length > 0)).toEqual(Array(50).fill(200))
  expect(pages.length).toBeLessThanOrEqual(51)
  expect(new Set(pages.flat()).size).toBe(SUBACCOUNTS)
})

test('$top beyond the page limit is served in pages of at most 1,000', async () => {
  const pages = await walk('Subaccounts?$top=5000&$select=guid&$orderby=guid')
  expect(pages.map(page => page.length)).toEqual([1000, 1000, 1000, 1000, 1000])
  expect(pages.flat()).toEqual(cis().store.subaccounts(GA).map(s => s.guid).sort().slice(0, 5000))
})

test('$skip reaches the last page', async () => {
  const res = await asProvider('Subaccounts?$orderby=guid&$skip=9990&$top=50&$select=guid')
  const last = cis().store.subaccounts(GA).map(s => s.guid).sort().slice(9990)
  expect(res.data.value.map((row: { guid: string }) => row.guid)).toEqual(last)
  expect(res.data['@odata.nextLink']).toBeUndefined()
})

test('$search finds one of 10,000 by name', async () => {
  const target = cis().store.subaccounts(GA)[7_777]
  const res = await asProvider(`Subaccounts?$search=${encodeURIComponent(`"${target.displayName}"`)}&$select=guid,displayName`)
  expect(res.data.value).toContainEqual(expect.objectContaining({ guid: target.guid, displayName: target.displayName }))
  expect(res.status).toBe(200)
})
