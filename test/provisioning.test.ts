import cds from '@sap/cds'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sandboxApp } from './helpers/sandbox-app.js'

// File-based SQLite, so that a tenant's database is a file whose creation and removal the test can see.
const dbDir = mkdtempSync(join(tmpdir(), 'tenant-hub-db-'))
process.env.CDS_CONFIG = JSON.stringify({ requires: { db: { kind: 'sqlite', credentials: { url: join(dbDir, 'db.sqlite') } } } })

// CAP's mocked users; routes go to the sandbox CF through the sandbox's destination service.
const app = sandboxApp({ auth: 'mocked' })
const { GET, PUT, DELETE, axios } = app.test
axios.defaults.validateStatus = () => true
const tenantRoutesOf = (tenant: string) => app.sandbox.cf.snapshot().routes.filter(r => r.labels['tenant-hub/tenant-id'] === tenant)

const yves = { auth: { username: 'yves', password: '' } }
const viewerOf = (tenant: string) => ({ auth: { username: `viewer-${tenant}`, password: '' } })
const tenantDb = (tenant: string) => join(dbDir, `db-${tenant}.sqlite`)

/** The body saas-registry sends on subscribe (WIRE-REFERENCE §D.2), for one tenant. */
function subscriptionPayload(tenant: string, subdomain: string) {
  return {
    subscriptionAppId: 'tenant-hub!t5874',
    subscriptionAppName: 'tenant-hub',
    subscribedTenantId: tenant,
    subscribedZoneId: tenant,
    subscribedSubdomain: subdomain,
    subscribedSubaccountId: tenant,
    providerSubaccountId: 'provider',
    globalAccountGUID: '011b4e7a-43b5-4f63-819a-9b1e46ab23b6',
    subscribedLicenseType: 'SAPDEV',
    subscriptionAppPlan: 'standard',
    userId: 'APPLICATION_OWNER',
    eventType: 'CREATE'
  }
}

async function insertSubaccount(tenant: string, guid: string, displayName: string) {
  await cds.tx({ tenant }, tx => tx.run(INSERT.into('tenanthub.Subaccounts').entries({ guid, displayName, subdomain: displayName })))
}

describe('tenant provisioning through the mtxs endpoint', () => {
  test('subscribing creates the tenant database, serves its data, and unsubscribing removes it', async () => {
    const subscribed = await PUT('/-/cds/saas-provisioning/tenant/t1', subscriptionPayload('t1', 'acme'), yves)
    expect(subscribed.data).toBe('https://acme-tenant-hub.cfapps.sandbox.localhost')
    expect(subscribed.headers['content-type']).toMatch(/^text\/plain/)
    expect(subscribed.status).toBe(200)
    expect(existsSync(tenantDb('t1'))).toBe(true)
    expect(tenantRoutesOf('t1').map(r => r.url)).toEqual(['acme-tenant-hub.cfapps.sandbox.localhost'])

    const metadata = await GET('/-/cds/saas-provisioning/tenant/t1', yves)
    expect(metadata.data).toMatchObject({ subscribedTenantId: 't1', subscribedSubdomain: 'acme', globalAccountGUID: expect.any(String) })

    await insertSubaccount('t1', 'sa-of-t1', 'acme-dev')
    const read = await GET('/odata/v4/accounts/Subaccounts', viewerOf('t1'))
    expect(read.data.value).toMatchObject([{ guid: 'sa-of-t1', displayName: 'acme-dev' }])

    const unsubscribed = await DELETE('/-/cds/saas-provisioning/tenant/t1', yves)
    expect(unsubscribed.status).toBe(204)
    const gone = await GET('/-/cds/saas-provisioning/tenant/t1', yves)
    expect(gone.data.error.message).toMatch(/t1 not found/)
    expect(gone.status).toBe(404)
    expect(existsSync(tenantDb('t1'))).toBe(false)
    expect(tenantRoutesOf('t1')).toEqual([])
  })

  test("a user of an unsubscribed tenant gets 403 that names the tenant, not a database error", async () => {
    const res = await GET('/odata/v4/accounts/Subaccounts', viewerOf('t1'))
    expect(res.data.error).toMatchObject({ code: 'TENANT_NOT_SUBSCRIBED', message: 'Tenant t1 is not subscribed to tenant-hub.' })
    expect(res.status).toBe(403)
  })

  test("two tenants' data never mix", async () => {
    await PUT('/-/cds/saas-provisioning/tenant/t1', subscriptionPayload('t1', 'acme'), yves)
    await PUT('/-/cds/saas-provisioning/tenant/t2', subscriptionPayload('t2', 'globex'), yves)
    await insertSubaccount('t1', 'only-in-t1', 'acme-prod')

    const asT2 = await GET('/odata/v4/accounts/Subaccounts', viewerOf('t2'))
    expect(asT2.data.value).toEqual([])
    const byKeyAsT2 = await GET("/odata/v4/accounts/Subaccounts('only-in-t1')", viewerOf('t2'))
    expect(byKeyAsT2.status).toBe(404)
    const asT1 = await GET('/odata/v4/accounts/Subaccounts', viewerOf('t1'))
    expect(asT1.data.value.map((s: { guid: string }) => s.guid)).toEqual(['only-in-t1'])

    await DELETE('/-/cds/saas-provisioning/tenant/t1', yves)
    await DELETE('/-/cds/saas-provisioning/tenant/t2', yves)
  })

  describe('a malformed subscription is refused and creates nothing', () => {
    beforeEach(() => app.sandbox.counter.reset())
    afterEach(() => {
      expect(app.sandbox.counter.count('cf')).toBe(0)
      expect(tenantRoutesOf('t3')).toEqual([])
    })

    test('without a subdomain: 400 that says the subdomain is missing', async () => {
      const { subscribedSubdomain: _, ...noSubdomain } = subscriptionPayload('t3', 'x')
      const res = await PUT('/-/cds/saas-provisioning/tenant/t3', noSubdomain, yves)
      expect(res.data.error.message).toMatch(/subscribedSubdomain/)
      expect(res.status).toBe(400)
      expect(existsSync(tenantDb('t3'))).toBe(false)
      expect((await GET('/-/cds/saas-provisioning/tenant/t3', yves)).status).toBe(404)
    })

    test('with a body that is not JSON: 4xx with a message', async () => {
      const res = await PUT('/-/cds/saas-provisioning/tenant/t3', 'subscribedSubdomain=acme', {
        ...yves,
        headers: { 'content-type': 'application/json' }
      })
      expect(res.data.error.message).toEqual(expect.any(String))
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      expect(existsSync(tenantDb('t3'))).toBe(false)
    })

    test('with a subdomain that cannot form a host: 400 naming the subdomain', async () => {
      const res = await PUT('/-/cds/saas-provisioning/tenant/t3', subscriptionPayload('t3', 'acme_corp'), yves)
      expect(res.data.error.message).toMatch(/"acme_corp"/)
      expect(res.status).toBe(400)
      expect(existsSync(tenantDb('t3'))).toBe(false)
    })
  })
})
