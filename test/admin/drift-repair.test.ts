import cds from '@sap/cds'
import { randomUUID } from 'node:crypto'
import { CF_SEED } from '../../sandbox/cf/index.js'
import { sandboxApp } from '../helpers/sandbox-app.js'
import {
  ACME,
  as,
  cfRoutesOf,
  createRouteBehindTheBack,
  DOMAIN,
  GLOBEX,
  leftoverRouteOf,
  MANAGED_BY,
  MANAGED_BY_LABEL,
  OPERATOR,
  subscribe,
  TENANT_LABEL,
  unsubscribeAll
} from './helpers/landscape.js'

const app = sandboxApp({ auth: 'xsuaa' })
const { GET, POST, axios } = app.test
axios.defaults.validateStatus = () => true

const ADMIN = '/odata/v4/admin'
const APPROUTER = CF_SEED.approuterApp.guid
const acmeHost = `acme-tenant-hub.${DOMAIN}`

afterEach(async () => {
  await unsubscribeAll(app)
  await app.reset()
})

/** The Drift entity set, ordered by kind. */
const drift = async () => {
  const res = await GET(`${ADMIN}/Drift?$orderby=kind`, await as(app, OPERATOR))
  expect(res.status).toBe(200)
  return res.data.value
}
const reconcile = async (dryRun: boolean) => {
  const res = await POST(`${ADMIN}/reconcile`, { dryRun }, await as(app, OPERATOR))
  expect(res.data.error).toBeUndefined()
  expect(res.status).toBe(200)
  return res.data.value
}

describe('drift between subscribed tenants and their CF routes', () => {
  test('the provider’s own account-data database is neither a tenant nor drift', async () => {
    await subscribe(app, ACME)
    const providerRead = await GET('/odata/v4/accounts/Subaccounts?$top=1', await as(app, OPERATOR))
    expect(providerRead.status).toBe(200)

    const tenants = await GET(`${ADMIN}/Tenants`, await as(app, OPERATOR))
    expect(tenants.data.value.map((t: { ID: string }) => t.ID)).toEqual([ACME.tenantId])
    expect(await drift()).toEqual([])
  })

  test('a route deleted behind tenant-hub’s back is listed as missing, and reconcile recreates it mapped to the approuter', async () => {
    await subscribe(app, ACME)
    const [original] = cfRoutesOf(app, ACME.tenantId)
    app.sandbox.cf.store.deleteRoute(original.guid)

    expect(await drift()).toMatchObject([
      { kind: 'MissingRoute', tenant: ACME.tenantId, route: null, host: acmeHost, repair: `create route ${acmeHost} and map it to tenant-hub` }
    ])
    expect(await reconcile(false)).toMatchObject([{ kind: 'MissingRoute', tenant: ACME.tenantId, outcome: 'Done', message: null }])

    expect(cfRoutesOf(app, ACME.tenantId)).toMatchObject([{ url: acmeHost, appGuids: [APPROUTER], labels: { [MANAGED_BY_LABEL]: MANAGED_BY } }])
    expect(await drift()).toEqual([])
  })

  test('an orphan labelled route is listed by a dry run that changes nothing, then deleted by reconcile', async () => {
    const orphan = leftoverRouteOf(app, 'gone-tenant', 'gone-tenant-hub')
    const before = app.sandbox.cf.snapshot()
    app.sandbox.counter.reset()

    expect(await reconcile(true)).toMatchObject([
      { kind: 'OrphanRoute', tenant: 'gone-tenant', route: orphan.guid, host: `gone-tenant-hub.${DOMAIN}`, action: `delete route gone-tenant-hub.${DOMAIN}`, outcome: 'Planned' }
    ])
    expect(app.sandbox.cf.snapshot()).toEqual(before)
    const writes = Object.keys(app.sandbox.counter.snapshot().cf ?? {}).filter(endpoint => !endpoint.startsWith('GET '))
    expect(writes).toEqual([])

    expect(await reconcile(false)).toMatchObject([{ kind: 'OrphanRoute', route: orphan.guid, outcome: 'Done' }])
    expect(app.sandbox.cf.store.route(orphan.guid)).toBeUndefined()
    expect(await drift()).toEqual([])
  })

  test('a route unmapped from the approuter is listed, and reconcile maps it again', async () => {
    await subscribe(app, ACME)
    const [route] = cfRoutesOf(app, ACME.tenantId)
    app.sandbox.cf.store.unmap(route.guid, APPROUTER)

    expect(await drift()).toMatchObject([{ kind: 'UnmappedRoute', tenant: ACME.tenantId, route: route.guid, repair: `map route ${acmeHost} to tenant-hub` }])
    expect(await reconcile(false)).toMatchObject([{ kind: 'UnmappedRoute', outcome: 'Done' }])
    expect(cfRoutesOf(app, ACME.tenantId)).toMatchObject([{ guid: route.guid, appGuids: [APPROUTER] }])
  })

  test('a tenant route whose host the naming rule no longer gives is replaced: the right route first, then the old one goes', async () => {
    await subscribe(app, ACME)
    const [right] = cfRoutesOf(app, ACME.tenantId)
    app.sandbox.cf.store.deleteRoute(right.guid)
    const old = createRouteBehindTheBack(app, 'acme-old-suffix', { [TENANT_LABEL]: ACME.tenantId, [MANAGED_BY_LABEL]: MANAGED_BY })

    expect(await drift()).toMatchObject([
      { kind: 'HostMismatch', tenant: ACME.tenantId, route: old.guid, host: `acme-old-suffix.${DOMAIN}`, repair: `delete route acme-old-suffix.${DOMAIN}` },
      { kind: 'MissingRoute', tenant: ACME.tenantId, host: acmeHost }
    ])
    expect(await reconcile(false)).toMatchObject([
      { kind: 'MissingRoute', outcome: 'Done' },
      { kind: 'HostMismatch', outcome: 'Done' }
    ])
    expect(cfRoutesOf(app, ACME.tenantId).map(route => route.url)).toEqual([acmeHost])
  })

  test('the old route is kept when the right one cannot be created, and the failure names the host owner', async () => {
    await subscribe(app, ACME)
    const [right] = cfRoutesOf(app, ACME.tenantId)
    app.sandbox.cf.store.deleteRoute(right.guid)
    createRouteBehindTheBack(app, 'acme-tenant-hub', {}, CF_SEED.foreignSpace.guid)
    const old = createRouteBehindTheBack(app, 'acme-old-suffix', { [TENANT_LABEL]: ACME.tenantId, [MANAGED_BY_LABEL]: MANAGED_BY })
    const orphan = leftoverRouteOf(app, 'gone-tenant', 'gone-tenant-hub')

    expect(await reconcile(false)).toMatchObject([
      { kind: 'MissingRoute', outcome: 'Failed', message: expect.stringContaining(`${acmeHost} is already taken`) },
      { kind: 'HostMismatch', route: old.guid, outcome: 'Skipped', message: expect.stringContaining('kept while tenant') },
      { kind: 'OrphanRoute', route: orphan.guid, outcome: 'Done' }
    ])
    expect(app.sandbox.cf.store.route(old.guid)).toBeDefined()
  })

  test('routes without tenant-hub’s managed-by label are neither listed nor touched', async () => {
    const foreign = createRouteBehindTheBack(app, 'other-tenant-hub', { [TENANT_LABEL]: 'someone', [MANAGED_BY_LABEL]: 'another-tenant-hub' })

    expect((await GET(`${ADMIN}/Routes`, await as(app, OPERATOR))).data.value).toEqual([])
    expect(await drift()).toEqual([])
    expect(await reconcile(false)).toEqual([])
    expect(app.sandbox.cf.store.route(foreign.guid)).toBeDefined()
  })

  test('reconcile during a synchronous subscription keeps the new route, whose tenant mtxs records only after its database', async () => {
    // Holds ACME's database deployment until released: mtxs records a tenant after it, the route exists before it.
    let release!: () => void
    const deploymentHeld = new Promise<void>(resolve => (release = resolve))
    const ds = cds.services['cds.xt.DeploymentService']!
    ds.prepend(() => ds.before('deploy', async req => (req.data as { tenant: string }).tenant === ACME.tenantId && (await deploymentHeld)))
    const subscription = app.sandbox.saas.registry.subscribe({ tenantId: ACME.tenantId, subdomain: ACME.subdomain })
    try {
      while (cfRoutesOf(app, ACME.tenantId).length === 0) await new Promise(resolve => setTimeout(resolve, 20))

      expect(await reconcile(false)).toMatchObject([
        { kind: 'OrphanRoute', tenant: ACME.tenantId, outcome: 'Skipped', message: expect.stringContaining('may still be deploying its database') }
      ])
      expect(cfRoutesOf(app, ACME.tenantId)).toHaveLength(1)
    } finally {
      release()
    }
    expect(await subscription).toMatchObject({ state: 'SUBSCRIBED' })
    expect(await drift()).toEqual([])
  })

  test('a tenant with an mtxs operation under way is left alone', async () => {
    const orphan = createRouteBehindTheBack(app, 'newco-tenant-hub', { [TENANT_LABEL]: 'newco', [MANAGED_BY_LABEL]: MANAGED_BY })
    const job = randomUUID()
    // What mtxs records while an async subscription of tenant "newco" runs.
    await cds.tx({ tenant: 't0' }, async tx => {
      await tx.run(INSERT.into('cds.xt.Jobs').entries({ ID: job, op: 'subscribe', status: 'RUNNING' }))
      await tx.run(INSERT.into('cds.xt.Tasks').entries({ job_ID: job, ID: randomUUID(), tenant: 'newco', op: 'subscribe', status: 'RUNNING' }))
    })
    try {
      expect(await drift()).toMatchObject([{ kind: 'OrphanRoute', tenant: 'newco', repair: null, detail: expect.stringContaining('under way') }])
      expect(await reconcile(false)).toMatchObject([{ kind: 'OrphanRoute', outcome: 'Skipped' }])
      expect(app.sandbox.cf.store.route(orphan.guid)).toBeDefined()
    } finally {
      await cds.tx({ tenant: 't0' }, async tx => {
        await tx.run(DELETE.from('cds.xt.Tasks').where({ job_ID: job }))
        await tx.run(DELETE.from('cds.xt.Jobs').where({ ID: job }))
      })
    }
  })
})

describe('recreateRoute', () => {
  test('puts back a tenant’s deleted route and answers it', async () => {
    await subscribe(app, GLOBEX)
    const [route] = cfRoutesOf(app, GLOBEX.tenantId)
    app.sandbox.cf.store.deleteRoute(route.guid)

    const res = await POST(`${ADMIN}/recreateRoute`, { tenant: GLOBEX.tenantId }, await as(app, OPERATOR))
    expect(res.data).toMatchObject({ host: 'globex-tenant-hub', url: `https://globex-tenant-hub.${DOMAIN}`, tenant: GLOBEX.tenantId })
    expect(res.status).toBe(200)
    expect(cfRoutesOf(app, GLOBEX.tenantId)).toMatchObject([{ guid: res.data.guid, appGuids: [APPROUTER] }])
  })

  test('of a tenant that is not subscribed: 404 naming the tenant', async () => {
    const res = await POST(`${ADMIN}/recreateRoute`, { tenant: 'not-a-tenant' }, await as(app, OPERATOR))
    expect(res.data.error).toMatchObject({ code: 'TENANT_NOT_FOUND', message: expect.stringContaining('not-a-tenant') })
    expect(res.status).toBe(404)
  })

  test('without a tenant: 400', async () => {
    const res = await POST(`${ADMIN}/recreateRoute`, {}, await as(app, OPERATOR))
    expect(res.data.error.code).toBe('TENANT_REQUIRED')
    expect(res.status).toBe(400)
  })
})

describe('reading tenants, routes and the space', () => {
  test('Tenants lists subscribed tenants from mtxs with subaccount, global account and the URL the naming rule gives', async () => {
    await subscribe(app, ACME)
    await subscribe(app, GLOBEX)
    const res = await GET(`${ADMIN}/Tenants?$count=true&$orderby=subdomain desc`, await as(app, OPERATOR))
    expect(res.data).toMatchObject({
      '@odata.count': 2,
      value: [
        { ID: GLOBEX.tenantId, subdomain: 'globex', subaccount: GLOBEX.tenantId, url: `https://globex-tenant-hub.${DOMAIN}`, createdAt: expect.any(String) },
        { ID: ACME.tenantId, subdomain: 'acme', subaccount: ACME.tenantId, globalAccount: expect.any(String), url: `https://acme-tenant-hub.${DOMAIN}` }
      ]
    })
  })

  test('Routes answers $filter, $search, $top and key access on live CF data', async () => {
    await subscribe(app, ACME)
    await subscribe(app, GLOBEX)
    const auth = await as(app, OPERATOR)

    const filtered = await GET(`${ADMIN}/Routes?$filter=tenant eq '${GLOBEX.tenantId}'`, auth)
    expect(filtered.data.value).toMatchObject([{ host: 'globex-tenant-hub', domain: DOMAIN, mappedApps: 'tenant-hub', mappedToApprouter: true }])
    const searched = await GET(`${ADMIN}/Routes?$search=GLOBEX`, auth)
    expect(searched.data.value).toMatchObject([{ host: 'globex-tenant-hub' }])
    const top = await GET(`${ADMIN}/Routes?$orderby=host&$top=1&$count=true`, auth)
    expect(top.data).toMatchObject({ '@odata.count': 2, value: [{ host: 'acme-tenant-hub' }] })
    const byKey = await GET(`${ADMIN}/Routes(${filtered.data.value[0].guid})`, auth)
    expect(byKey.data).toMatchObject({ host: 'globex-tenant-hub' })
    const missing = await GET(`${ADMIN}/Routes(${randomUUID()})`, auth)
    expect(missing.status).toBe(404)
  })

  test('Space shows the CF org, space and its apps with their state', async () => {
    const res = await GET(`${ADMIN}/Space`, await as(app, OPERATOR))
    expect(res.data.value).toMatchObject([
      {
        guid: CF_SEED.space.guid,
        name: CF_SEED.space.name,
        organization: CF_SEED.org.name,
        apps: [
          { name: 'tenant-hub', state: 'STARTED', isApprouter: true },
          { name: 'tenant-hub-srv', state: 'STARTED', isApprouter: false }
        ]
      }
    ])
  })

  test('a CF error reaches the operator as 502 with CF’s own words', async () => {
    app.sandbox.faults.add({ simulator: 'cf', endpoint: 'GET /v3/routes', status: 403 })
    const res = await GET(`${ADMIN}/Routes`, await as(app, OPERATOR))
    expect(res.data.error).toMatchObject({ code: 'CF_API_ERROR', message: expect.stringContaining('CF-NotAuthorized') })
    expect(res.status).toBe(502)
  })
})
