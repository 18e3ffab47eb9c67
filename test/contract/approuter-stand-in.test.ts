import { DEMO_TENANTS } from '../../sandbox/identities.js'
import { sandboxApp } from '../helpers/sandbox-app.js'

/** The sandbox's approuter stand-in signs the UIs' requests in, as the approuter does after login. */
const app = sandboxApp()
const [acme] = DEMO_TENANTS
const standIn = () => app.sandbox.endpoints().approuter

test('without a tenant choice the requests reach tenant-hub as the provider’s operator', async () => {
  const res = await fetch(`${standIn()}/odata/v4/admin/Space`)
  const body = (await res.json()) as { value: Array<{ name: string }> }
  expect(body.value).toEqual([expect.objectContaining({ name: 'dev' })])
  expect(res.status).toBe(200)
})

test('?sandbox-tenant picks a subscriber’s Viewer and a cookie keeps the choice for the next requests', async () => {
  await app.sandbox.saas.registry.subscribe({ subdomain: acme.subdomain, tenantId: acme.tenantId })
  const first = await fetch(`${standIn()}/odata/v4/accounts/SyncStatus?sandbox-tenant=${acme.subdomain}`)
  expect(first.status).toBe(200)
  const cookie = first.headers.get('set-cookie')!
  expect(cookie).toMatch(/^sandbox-tenant=acme;/)

  const admin = await fetch(`${standIn()}/odata/v4/admin/Space`, { headers: { cookie: cookie.split(';')[0] } })
  expect(admin.status).toBe(403)
})

test('an unknown tenant is answered with a hint instead of a token', async () => {
  const res = await fetch(`${standIn()}/odata/v4/accounts/Subaccounts?sandbox-tenant=nobody`)
  expect(await res.text()).toMatch(/subscribe it first/)
  expect(res.status).toBe(404)
})
