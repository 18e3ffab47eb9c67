import cds from '@sap/cds'
import { PROVIDER } from '../../sandbox/identities.js'
import { sandboxApp } from '../helpers/sandbox-app.js'
import { ACME, as, OPERATOR, type Who } from './helpers/landscape.js'

const app = sandboxApp({ auth: 'xsuaa' })
const { GET, POST, axios } = app.test
axios.defaults.validateStatus = () => true

const ADMIN = '/odata/v4/admin'

/** Every way into AdminService: entity sets, key access, actions, the function, $metadata and the service document. */
const REQUESTS: Array<[string, (options: object) => ReturnType<typeof GET>]> = [
  ['GET Tenants', options => GET(`${ADMIN}/Tenants`, options)],
  ['GET Tenants by key', options => GET(`${ADMIN}/Tenants('${ACME.tenantId}')`, options)],
  ['GET Routes', options => GET(`${ADMIN}/Routes`, options)],
  ['GET Drift', options => GET(`${ADMIN}/Drift`, options)],
  ['GET Space', options => GET(`${ADMIN}/Space`, options)],
  ['GET checkConnectivity()', options => GET(`${ADMIN}/checkConnectivity()`, options)],
  ['POST reconcile', options => POST(`${ADMIN}/reconcile`, { dryRun: false }, options)],
  ['POST recreateRoute', options => POST(`${ADMIN}/recreateRoute`, { tenant: ACME.tenantId }, options)],
  ['GET $metadata', options => GET(`${ADMIN}/$metadata`, options)],
  ['GET service document', options => GET(`${ADMIN}/`, options)]
]

const CALLERS: Array<[string, Who, string]> = [
  ['a subscriber’s user with the Admin role', { tenant: ACME.tenantId, scopes: ['Admin', 'Viewer'] }, 'PROVIDER_ONLY'],
  ['a subscriber’s Viewer', { tenant: ACME.tenantId, scopes: ['Viewer'] }, 'PROVIDER_ONLY'],
  // CAP's own @requires check; its error has no code of its own.
  ['a Viewer of the provider', { tenant: PROVIDER.tenantId, scopes: ['Viewer'] }, '403']
]

beforeEach(() => app.sandbox.counter.reset())

describe.each(CALLERS)('%s', (_, who, code) => {
  test.each(REQUESTS)('gets 403 on %s and causes no CF call', async (_request, send) => {
    const res = await send(await as(app, who))
    expect(res.data.error?.code ?? String(res.status)).toBe(code)
    expect(res.status).toBe(403)
    expect(app.sandbox.counter.count('cf')).toBe(0)
  })
})

test.each(REQUESTS)('a caller without a token gets 401 on %s', async (_request, send) => {
  const res = await send({})
  expect(res.status).toBe(401)
})

test.each(REQUESTS.filter(([name]) => !name.includes('recreateRoute') && !name.includes('by key')))('an operator of the provider gets 200 on %s', async (_request, send) => {
  const res = await send(await as(app, OPERATOR))
  expect(res.data?.error).toBeUndefined()
  expect(res.status).toBe(200)
})

test('a call inside the process on behalf of a subscriber’s Admin is refused by the service itself', async () => {
  const admin = await cds.connect.to('AdminService')
  const user = new cds.User({ id: 'admin@acme', roles: ['Admin'], attr: {} })
  await expect(admin.tx({ tenant: ACME.tenantId, user }, tx => tx.run(SELECT.from('AdminService.Tenants')))).rejects.toMatchObject({
    code: 'PROVIDER_ONLY',
    status: 403
  })
})
