import { SUBSCRIBER_GLOBAL_ACCOUNT } from '../../sandbox/cis/index.js'
import { DEMO_TENANTS, PROVIDER } from '../../sandbox/identities.js'
import { sandboxApp } from '../helpers/sandbox-app.js'

/**
 * Hostile or broken OData requests to AccountService: each gets a 4xx with a message saying what is wrong — or,
 * where OData defines a safe answer, that answer — and leaves the landscape as it was.
 *
 * No side effect means: no call to any upstream (CIS, its token endpoint, the destination service, CF), the CF
 * routes unchanged, and the replica unchanged (same sync time, same rows). Both replicas are synced in `beforeAll`
 * and stay fresh for the whole file, so no sync is due; a request that caused a CIS call would have caused one
 * that would not have happened anyway.
 *
 * The provider's global account has 1,200 subaccounts, so that the page limit (1,000) and the cost of nested
 * collections show.
 */
const SUBACCOUNTS = 1_200
const app = sandboxApp({
  auth: 'xsuaa',
  cis: { globalAccounts: [{ guid: PROVIDER.globalAccountGuid, subaccountCount: SUBACCOUNTS }, { guid: SUBSCRIBER_GLOBAL_ACCOUNT.guid }] }
})
const { axios } = app.test
axios.defaults.validateStatus = () => true

const ACCOUNTS = '/odata/v4/accounts'
const ACME = DEMO_TENANTS[0]
const CALLERS = { provider: PROVIDER.tenantId, subscriber: ACME.tenantId } as const
type Caller = keyof typeof CALLERS

/** A refusal: the status and what the message must say. */
interface Refused {
  name: string
  path: string
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  body?: object
  status: number
  says: RegExp
  as?: Caller
}

/** A request OData answers, safely: what the answer must be. */
interface Answered {
  name: string
  path: string
  as?: Caller
  answer: (data: { value: unknown[]; '@odata.nextLink'?: string }) => void
}

const REFUSED: Refused[] = [
  // $filter injection attempts: OData's grammar, not SQL, is what CAP parses
  { name: '$filter with an unbalanced quote', path: `Subaccounts?$filter=displayName eq 'acme`, status: 400, says: /Parsing URL failed/ },
  { name: '$filter with a SQL statement appended', path: `Subaccounts?$filter=displayName eq 'x'; DROP TABLE tenanthub_Subaccounts;--`, status: 400, says: /but ";" found/ },
  { name: '$filter with a SQL UNION', path: `Subaccounts?$filter=displayName eq 'x' union select * from sqlite_master`, status: 400, says: /but "u" found/ },
  { name: '$filter with a SQL subselect', path: `Subaccounts?$filter=guid in (select guid from tenanthub_Subaccounts)`, status: 400, says: /Expected a list/ },
  { name: '$filter with a SQL comment', path: `Subaccounts?$filter=displayName eq 'x' --`, status: 400, says: /but "-" found/ },
  { name: '$filter with an unbalanced parenthesis', path: `Subaccounts?$filter=(displayName eq 'x'`, status: 400, says: /Expected "\)"/ },
  { name: '$filter calling a database function', path: `Subaccounts?$filter=sqlite_version() eq '3'`, status: 400, says: /Parsing URL failed/ },
  // OData prescribes 501 Not Implemented for a function the service does not support.
  { name: '$filter calling an unsupported function', path: `Subaccounts?$filter=randomblob(1000000000) eq 'x'`, status: 501, says: /Function "randomblob" is not supported/ },
  { name: '$filter calling a function with too few arguments', path: `Subaccounts?$filter=contains(displayName)`, status: 400, says: /Parsing URL failed/ },
  { name: '$filter comparing a timestamp with a word', path: `Subaccounts?$filter=createdDate gt 'yesterday'`, status: 400, says: /"yesterday" is not a valid Timestamp/ },
  // unknown names
  { name: 'an unknown entity set', path: 'Secrets', status: 404, says: /Invalid resource path "AccountService.Secrets"/ },
  { name: 'the database table behind an entity set', path: 'tenanthub_Subaccounts', status: 404, says: /Invalid resource path/ },
  { name: 'an unknown property in $filter', path: `Subaccounts?$filter=password eq 'x'`, status: 400, says: /Property "password" does not exist/ },
  { name: 'an internal property the service hides, in $filter', path: 'SyncStatus?$filter=leaseOwner ne null', status: 400, says: /Property "leaseOwner" does not exist/ },
  { name: 'an unknown property inside a lambda', path: `Subaccounts?$filter=labels/any(l:l/secret eq 'x')`, status: 400, says: /Property "secret" does not exist in "AccountService.SubaccountLabels"/ },
  { name: 'an unknown property in $select', path: 'Subaccounts?$select=password', status: 400, says: /Property "password" does not exist/ },
  { name: 'an unknown property in $orderby', path: 'Subaccounts?$orderby=password', status: 400, says: /Property "password" does not exist/ },
  { name: 'an unknown direction in $orderby', path: 'Subaccounts?$orderby=displayName sideways', status: 400, says: /"asc", "desc"/ },
  { name: 'an unknown navigation property in $expand', path: 'Subaccounts?$expand=secrets', status: 400, says: /Navigation property "secrets" is not defined/ },
  { name: 'an unknown property in a $filter inside $expand', path: 'Subaccounts?$expand=labels($filter=secret eq 1)', status: 400, says: /Property "secret" does not exist/ },
  { name: 'an unknown system query option', path: 'Subaccounts?$secret=1', status: 400, says: /Parsing URL failed/ },
  { name: 'an unknown property in $apply', path: 'Subaccounts?$apply=groupby((password))', status: 400, says: /Property "password" does not exist/ },
  // paging and counting
  { name: 'a non-numeric $top', path: 'Subaccounts?$top=all', status: 400, says: /Expected an integer/ },
  { name: 'a fractional $top', path: 'Subaccounts?$top=1.5', status: 400, says: /Parsing URL failed/ },
  { name: 'a negative $top, which would lift the page limit', path: 'Subaccounts?$top=-1', status: 400, says: /\$top must be 0 or more, not -1/ },
  { name: 'a negative $top inside $expand', path: 'Subaccounts?$expand=labels($top=-1)', status: 400, says: /\$top must be 0 or more, not -1 \(Subaccounts → labels\)/ },
  { name: 'a negative $skip', path: 'Subaccounts?$skip=-5', status: 400, says: /\$skip must be 0 or more, not -5/ },
  { name: 'a non-numeric $skip', path: 'Subaccounts?$skip=x', status: 400, says: /Expected an integer/ },
  { name: '$count=maybe', path: 'Subaccounts?$count=maybe', status: 400, says: /Expected a boolean/ },
  // malformed keys
  { name: 'a key left open', path: 'Subaccounts(', status: 404, says: /Invalid resource path "AccountService.Subaccounts\("/ },
  { name: 'a key with a stray quote', path: `Subaccounts('a'b')`, status: 404, says: /Invalid resource path/ },
  { name: 'a key property the entity does not have', path: `Subaccounts(guid='${ACME.tenantId}',secret='x')`, status: 400, says: /Key "secret" is not a key/ },
  { name: 'a number for a string key, which finds no such subaccount', path: 'Subaccounts(42)', status: 404, says: /Not Found/ },
  { name: 'a navigation the entity does not have', path: `Subaccounts('${ACME.tenantId}')/secrets`, status: 404, says: /Invalid resource path/ },
  // $search
  { name: '$search with an unbalanced double quote', path: 'Subaccounts?$search="acme', status: 400, says: /Parsing URL failed/ },
  // nested collections: each to-many step multiplies the rows
  {
    name: '$expand back and forth between subaccounts and their global account',
    path: 'Subaccounts?$expand=globalAccount($expand=subaccounts($expand=globalAccount($expand=subaccounts)))',
    status: 400,
    says: /at most 2 collections .* Subaccounts → globalAccount → subaccounts → globalAccount → subaccounts nests 3/
  },
  { name: '$expand of three collections deep', path: 'GlobalAccounts?$expand=subaccounts($expand=labels)', status: 400, says: /GlobalAccounts → subaccounts → labels nests 3/ },
  {
    name: 'any() nested in any() over the whole global account',
    path: `Subaccounts?$filter=globalAccount/subaccounts/any(s:s/globalAccount/subaccounts/any(t:t/displayName eq 'x'))`,
    status: 400,
    says: /Subaccounts → globalAccount → subaccounts → globalAccount → subaccounts nests 3/
  },
  // writes to a read-only replica
  { name: 'a POST to a read-only entity set', method: 'POST', path: 'Subaccounts', body: { guid: 'x', displayName: 'x' }, status: 405, says: /Entity "AccountService.Subaccounts" is read-only/ },
  { name: 'a DELETE of a replicated subaccount', method: 'DELETE', path: `Subaccounts('${ACME.tenantId}')`, status: 405, says: /is read-only/, as: 'subscriber' },
  // Refused before the caller's replica is even looked at: a subscriber's user gets the same answers.
  { name: 'a negative $top, as a subscriber', path: 'Subaccounts?$top=-1', status: 400, says: /\$top must be 0 or more/, as: 'subscriber' },
  { name: 'an unknown property in $filter, as a subscriber', path: `Subaccounts?$filter=tenant ne 'x'`, status: 400, says: /Property "tenant" does not exist/, as: 'subscriber' }
]

const ANSWERED: Answered[] = [
  {
    name: 'a tautology appended with or, which stays within the caller’s own replica',
    path: `Subaccounts?$filter=displayName eq 'x' or 1 eq 1&$select=guid`,
    as: 'subscriber',
    answer: data => expect(data.value).toEqual([{ guid: ACME.tenantId }])
  },
  {
    name: 'a quote-escaped injection, which is one string literal and matches nothing',
    path: `Subaccounts?$filter=displayName eq 'x'' or ''1''=''1'`,
    answer: data => expect(data.value).toEqual([])
  },
  {
    name: 'an injection through a parameter alias, which is one string literal and matches nothing',
    path: `Subaccounts?$filter=displayName eq @p&@p='x'' or 1=1--'`,
    answer: data => expect(data.value).toEqual([])
  },
  {
    name: 'a huge $top, capped at the page limit of 1,000 with a link to the rest',
    path: 'Subaccounts?$top=99999999&$select=guid',
    answer: data => {
      expect(data.value).toHaveLength(1_000)
      expect(data['@odata.nextLink']).toEqual(expect.any(String))
    }
  },
  {
    name: 'a $top beyond 64 bits, capped the same way',
    path: 'Subaccounts?$top=99999999999999999999999&$select=guid',
    answer: data => expect(data.value).toHaveLength(1_000)
  },
  {
    name: 'a $search of 8,000 characters, a parameter of one LIKE that matches nothing',
    path: `Subaccounts?$search=${'x'.repeat(8_000)}`,
    answer: data => expect(data.value).toEqual([])
  }
]

const tokens: Record<Caller, string> = { provider: '', subscriber: '' }
const asCaller = (caller: Caller = 'provider') => ({ headers: { authorization: `Bearer ${tokens[caller]}` } })
const send = (method: string, path: string, caller?: Caller, data?: object) => axios.request({ method, url: `${ACCOUNTS}/${path}`, data, ...asCaller(caller) })

/** Everything a bad request could have changed: upstream calls, CF routes, and each caller's replica. */
async function landscape() {
  const replicas: Record<string, unknown> = {}
  for (const caller of Object.keys(CALLERS) as Caller[]) {
    const [status, count] = await Promise.all([send('GET', 'SyncStatus?$select=lastSyncedAt', caller), send('GET', 'Subaccounts/$count', caller)])
    replicas[caller] = { lastSyncedAt: status.data.lastSyncedAt, subaccounts: count.data }
  }
  const calls = app.sandbox.counter.snapshot()
  const upstreamCalls = Object.fromEntries(['cis', 'cis-uaa', 'destination', 'xsuaa', 'cf', 'uaa'].map(name => [name, Object.values(calls[name] ?? {}).reduce((a, b) => a + b, 0)]))
  return { upstreamCalls, routes: app.sandbox.cf.snapshot().routes, replicas }
}

let before: Awaited<ReturnType<typeof landscape>>

beforeAll(async () => {
  await app.reset()
  const subscribed = await app.sandbox.saas.registry.subscribe({ subdomain: ACME.subdomain, tenantId: ACME.tenantId })
  expect(subscribed.state).toBe('SUBSCRIBED')
  tokens.provider = await app.sandbox.issueUserToken({ tenant: PROVIDER.tenantId, scopes: ['Viewer'] })
  tokens.subscriber = await app.sandbox.issueUserToken({ tenant: ACME.tenantId, scopes: ['Viewer'] })
  for (const caller of Object.keys(CALLERS) as Caller[]) expect((await send('POST', 'refresh', caller, {})).status).toBe(200)
})

// `landscape()` itself reads a fresh replica, which calls no upstream: `before` counts none, `after` the case's.
beforeEach(async () => {
  app.sandbox.counter.reset()
  before = await landscape()
})

afterEach(async () => {
  expect(await landscape()).toEqual(before)
})

describe('AccountService refuses bad OData requests, saying what is wrong, and changes nothing', () => {
  test.each(REFUSED.map(c => [c.name, c] as const))('%s', async (_name, bad) => {
    const res = await send(bad.method ?? 'GET', bad.path, bad.as, bad.body)
    expect(res.data.error?.message).toMatch(bad.says)
    expect(res.status).toBe(bad.status)
  })
})

describe('AccountService answers what OData defines safely, and changes nothing', () => {
  test.each(ANSWERED.map(c => [c.name, c] as const))('%s', async (_name, request) => {
    const res = await send('GET', request.path, request.as)
    expect(res.data.error).toBeUndefined()
    request.answer(res.data)
    expect(res.status).toBe(200)
  })
})
