import { PROVIDER } from '../../sandbox/identities.js'
import { ACME, as, cfRoutesOf, leftoverRouteOf, OPERATOR, subscribe, type Who } from '../admin/helpers/landscape.js'
import { sandboxApp } from '../helpers/sandbox-app.js'

/**
 * Hostile or broken input to AdminService's actions (and its live entity sets): each gets a 4xx with a message
 * saying what is wrong, and CF is left as it was. The landscape has drift that a real `reconcile` would repair
 * (an orphan route to delete) and a tenant whose route a real `recreateRoute` would create (ACME's is gone), so
 * that a bad request mistaken for a good one shows as a CF write and a changed route list.
 */
const app = sandboxApp({ auth: 'xsuaa' })
const { axios } = app.test
axios.defaults.validateStatus = () => true

const ADMIN = '/odata/v4/admin'
const UNKNOWN_TENANT = '0f5e2d1c-7b6a-4c3d-9e8f-1a2b3c4d5e6f'

interface BadRequest {
  name: string
  method?: 'GET' | 'POST'
  path: string
  /** A JSON value, or a raw body as a string. */
  body?: unknown
  contentType?: string
  /** Default: an operator of the provider; `null`: no token. */
  who?: Who | null
  status: number
  says: RegExp
}

const reconcile = (name: string, body: unknown, status: number, says: RegExp, contentType?: string): BadRequest => ({ name, path: 'reconcile', body, contentType, status, says })
const recreate = (name: string, body: unknown, status: number, says: RegExp): BadRequest => ({ name, path: 'recreateRoute', body, status, says })

const CASES: BadRequest[] = [
  reconcile('reconcile with dryRun "yes"', { dryRun: 'yes' }, 400, /Value yes is not a valid Boolean/),
  reconcile('reconcile with dryRun as the string "true"', { dryRun: 'true' }, 400, /Value true is not a valid Boolean/),
  reconcile('reconcile with dryRun 1', { dryRun: 1 }, 400, /reconcile needs dryRun: true to list the repairs, false to make them/),
  reconcile('reconcile with dryRun null', { dryRun: null }, 400, /reconcile needs dryRun/),
  reconcile('reconcile without dryRun', {}, 400, /reconcile needs dryRun/),
  reconcile('reconcile with an empty body', '', 400, /reconcile needs dryRun/),
  reconcile('reconcile with a JSON array as body', '[true]', 400, /Property "0" does not exist in AdminService.reconcile/),
  reconcile('reconcile with a parameter it does not have', { dryRun: true, force: true }, 400, /Property "force" does not exist in AdminService.reconcile/),
  reconcile('reconcile with a form body', 'dryRun=false', 415, /Unsupported Media Type/, 'application/x-www-form-urlencoded'),
  { name: 'reconcile by GET', method: 'GET', path: 'reconcile', status: 405, says: /Method Not Allowed/ },
  recreate('recreateRoute without a tenant', {}, 400, /recreateRoute needs the tenant id/),
  recreate('recreateRoute with an empty tenant', { tenant: '' }, 400, /recreateRoute needs the tenant id/),
  recreate('recreateRoute with a tenant of blanks', { tenant: '   ' }, 404, /is not subscribed to tenant-hub/),
  recreate('recreateRoute with a number as tenant', { tenant: 42 }, 400, /Value 42 is not a valid String/),
  recreate('recreateRoute with an object as tenant', { tenant: { id: ACME.tenantId } }, 400, /is not a valid String/),
  recreate('recreateRoute with a path traversal as tenant', { tenant: '../../v3/routes' }, 404, /Tenant \.\.\/\.\.\/v3\/routes is not subscribed/),
  recreate('recreateRoute with an encoded path traversal as tenant', { tenant: `..%2F${ACME.tenantId}` }, 404, /is not subscribed/),
  recreate('recreateRoute with a SQL fragment as tenant', { tenant: "x' OR '1'='1" }, 404, /Tenant x' OR '1'='1 is not subscribed/),
  recreate('recreateRoute with an unknown tenant', { tenant: UNKNOWN_TENANT }, 404, new RegExp(`Tenant ${UNKNOWN_TENANT} is not subscribed`)),
  recreate('recreateRoute with mtxs’ metadata tenant t0', { tenant: 't0' }, 404, /Tenant t0 is not subscribed/),
  recreate('recreateRoute with the provider tenant', { tenant: PROVIDER.tenantId }, 404, /is not subscribed/),
  { name: 'an action AdminService does not have', path: 'deleteAllRoutes', body: {}, status: 404, says: /Invalid resource path "AdminService.deleteAllRoutes"/ },
  { name: 'the function checkConnectivity by POST', path: 'checkConnectivity', body: {}, status: 405, says: /Method Not Allowed/ },
  { ...reconcile('reconcile by a Viewer of the provider', { dryRun: false }, 403, /is lacking required roles: \[Admin\]/), who: { tenant: PROVIDER.tenantId, scopes: ['Viewer'] } },
  { ...recreate('recreateRoute by a Viewer of the provider', { tenant: ACME.tenantId }, 403, /is lacking required roles: \[Admin\]/), who: { tenant: PROVIDER.tenantId, scopes: ['Viewer'] } },
  { ...reconcile('reconcile by a subscriber’s Admin', { dryRun: false }, 403, /only for operators of the provider subaccount/), who: { tenant: ACME.tenantId, scopes: ['Admin'] } },
  { ...recreate('recreateRoute by a subscriber’s Admin', { tenant: ACME.tenantId }, 403, /only for operators of the provider subaccount/), who: { tenant: ACME.tenantId, scopes: ['Admin'] } },
  { ...reconcile('reconcile without a token', { dryRun: false }, 401, /Unauthorized/), who: null },
  { name: 'Tenants with a negative $top', method: 'GET', path: 'Tenants?$top=-1', status: 400, says: /not a negative \$top or \$skip/ },
  { name: 'Routes with a negative $skip', method: 'GET', path: 'Routes?$skip=-1', status: 400, says: /not a negative \$top or \$skip/ },
  { name: 'Routes with a function it cannot evaluate', method: 'GET', path: `Routes?$filter=substring(host,1) eq 'x'`, status: 400, says: /not the function substring\(\)/ }
]

/** Calls that change CF: every non-GET endpoint of the CF API. */
const cfWrites = () =>
  Object.entries(app.sandbox.counter.snapshot().cf ?? {})
    .filter(([endpoint]) => !endpoint.startsWith('GET '))
    .reduce((sum, [, count]) => sum + count, 0)

beforeAll(async () => {
  await app.reset()
  await subscribe(app, ACME)
  for (const route of cfRoutesOf(app, ACME.tenantId)) app.sandbox.cf.store.deleteRoute(route.guid)
  leftoverRouteOf(app, 'gone-tenant', 'gone-tenant-hub')
})

test('the landscape has drift that reconcile would repair', async () => {
  const res = await axios.get(`${ADMIN}/Drift?$select=kind,tenant&$orderby=kind`, await as(app, OPERATOR))
  expect(res.data.value).toEqual([
    { ID: expect.any(String), kind: 'MissingRoute', tenant: ACME.tenantId },
    { ID: expect.any(String), kind: 'OrphanRoute', tenant: 'gone-tenant' }
  ])
  expect(res.status).toBe(200)
})

describe('AdminService refuses bad input to its actions, saying what is wrong, and writes nothing to CF', () => {
  test.each(CASES.map(c => [c.name, c] as const))('%s', async (_name, bad) => {
    const routesBefore = app.sandbox.cf.snapshot().routes
    app.sandbox.counter.reset()
    const auth: { headers?: Record<string, string> } = bad.who === null ? {} : await as(app, bad.who ?? OPERATOR)
    const body = bad.body === undefined ? undefined : typeof bad.body === 'string' ? bad.body : JSON.stringify(bad.body)
    const res = await axios.request({
      method: bad.method ?? 'POST',
      url: `${ADMIN}/${bad.path}`,
      data: body,
      headers: { ...auth.headers, ...(body === undefined ? {} : { 'content-type': bad.contentType ?? 'application/json' }) },
      transformRequest: [(data: unknown) => data]
    })

    const message = res.data?.error?.message ?? (typeof res.data === 'string' ? res.data : '')
    expect(message).toMatch(bad.says)
    expect(res.status).toBe(bad.status)
    expect(cfWrites()).toBe(0)
    expect(app.sandbox.cf.snapshot().routes).toEqual(routesBefore)
  })
})
