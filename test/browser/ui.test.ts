import type { Browser } from 'playwright-core'
import { DEMO_TENANTS, PROVIDER } from '../../sandbox/identities.js'
import { launchChromium, pageAs } from './browser.js'
import { startServedApp, type ServedApp } from './helpers/served-app.js'

const [ACME, GLOBEX] = DEMO_TENANTS
const UI_TIMEOUT = 30_000

let served: ServedApp
let browser: Browser

beforeAll(async () => {
  served = await startServedApp()
  browser = await launchChromium()
  for (const tenant of [ACME, GLOBEX]) {
    const result = await served.sandbox.saas.registry.subscribe({ tenantId: tenant.tenantId, subdomain: tenant.subdomain })
    if (result.state !== 'SUBSCRIBED') throw new Error(`subscribing ${tenant.subdomain} failed: ${result.error}\n${served.output()}`)
  }
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await served?.stop()
})

const operatorToken = () => served.sandbox.issueUserToken({ tenant: PROVIDER.tenantId, scopes: ['Admin', 'Viewer'] })

describe('the operators’ UI (/admin), served by npm start', () => {
  test('shows the sandbox’s tenants, their routes, the CF space and a healthy connectivity check', async () => {
    const { page, errors } = await pageAs(browser, await operatorToken())
    await page.goto(`${served.url}/admin/index.html`)

    const tenants = page.locator('[id$="--tenantsTable"]')
    await tenants.getByText('acme', { exact: true }).waitFor({ timeout: UI_TIMEOUT })
    await expectVisible(tenants.getByText('globex', { exact: true }), tenants.getByText('https://acme-tenant-hub.cfapps.sandbox.localhost'))

    await page.getByRole('tab', { name: 'Routes' }).click()
    const routes = page.locator('[id$="--routesTable"]')
    await routes.getByText('https://globex-tenant-hub.cfapps.sandbox.localhost').waitFor({ timeout: UI_TIMEOUT })
    expect(await routes.getByText('Mapped', { exact: true }).count()).toBe(2)

    await page.getByRole('tab', { name: 'Space' }).click()
    const apps = page.locator('[id$="--appsTable"]')
    await apps.getByText('tenant-hub-srv', { exact: true }).waitFor({ timeout: UI_TIMEOUT })
    await expectVisible(page.getByText('tenant-hub-org'), apps.getByText('Tenant routes are mapped here'))

    await page.getByRole('tab', { name: 'Connectivity' }).click()
    const checks = page.locator('[id$="--checksTable"]')
    await checks.getByText('approuter-app').waitFor({ timeout: UI_TIMEOUT })
    expect(await checks.getByText('OK', { exact: true }).count()).toBe(8)
    expect(errors).toEqual([])
  })

  test('a route deleted behind tenant-hub’s back shows as drift; Preview lists the repair and Reconcile makes it', async () => {
    const [route] = served.sandbox.cf.snapshot().routes.filter(r => r.labels['tenant-hub/tenant-id'] === GLOBEX.tenantId)
    served.sandbox.cf.store.deleteRoute(route.guid)
    const { page, errors } = await pageAs(browser, await operatorToken())
    await page.goto(`${served.url}/admin/index.html`)
    await page.getByRole('tab', { name: 'Drift' }).click()

    const drift = page.locator('[id$="--driftTable"]')
    await drift.getByText('MissingRoute').waitFor({ timeout: UI_TIMEOUT })
    await expectVisible(drift.getByText('create route globex-tenant-hub.cfapps.sandbox.localhost and map it to tenant-hub'))

    await page.getByRole('button', { name: 'Preview repairs' }).click()
    const repairs = page.locator('[id$="--repairsTable"]')
    await repairs.getByText('Planned', { exact: true }).waitFor({ timeout: UI_TIMEOUT })
    expect(served.sandbox.cf.snapshot().routes.filter(r => r.labels['tenant-hub/tenant-id'] === GLOBEX.tenantId)).toEqual([])

    await page.getByRole('button', { name: 'Reconcile', exact: true }).click()
    await repairs.getByText('Done', { exact: true }).waitFor({ timeout: UI_TIMEOUT })
    await drift.getByText('No drift').waitFor({ timeout: UI_TIMEOUT })
    expect(served.sandbox.cf.snapshot().routes.filter(r => r.labels['tenant-hub/tenant-id'] === GLOBEX.tenantId)).toMatchObject([
      { url: 'globex-tenant-hub.cfapps.sandbox.localhost' }
    ])
    expect(errors).toEqual([])
  })

  test('Recreate route on a tenant whose route was unmapped maps it again and says so', async () => {
    const [route] = served.sandbox.cf.snapshot().routes.filter(r => r.labels['tenant-hub/tenant-id'] === ACME.tenantId)
    served.sandbox.cf.store.unmap(route.guid, route.appGuids[0])
    const { page, errors } = await pageAs(browser, await operatorToken())
    await page.goto(`${served.url}/admin/index.html`)

    const acmeRow = page.locator('[id$="--tenantsTable"] tr', { hasText: ACME.tenantId })
    await acmeRow.getByRole('button', { name: 'Recreate route' }).click()
    await page.getByText('Route https://acme-tenant-hub.cfapps.sandbox.localhost is in place').waitFor({ timeout: UI_TIMEOUT })
    expect(served.sandbox.cf.store.route(route.guid)!.destinations.map(d => d.appGuid)).toEqual(route.appGuids)
    expect(errors).toEqual([])
  })

  test('the connectivity check of CFAPI and CIS was logged once at start-up', () => {
    const output = served.output()
    expect(output.match(/destination CFAPI OK/g)).toHaveLength(1)
    expect(output.match(/destination CIS OK/g)).toHaveLength(1)
  })
})

describe('the subscribers’ UI (/subaccounts), served by npm start', () => {
  test('shows a subscriber’s user its subaccount, synced from the sandbox CIS', async () => {
    const token = await served.sandbox.issueUserToken({ tenant: ACME.tenantId, scopes: ['Viewer'] })
    const { page, errors } = await pageAs(browser, token)
    await page.goto(`${served.url}/subaccounts/index.html`)

    const subaccounts = page.locator('[id$="--subaccountsTable"]')
    await subaccounts.getByText(ACME.tenantId).waitFor({ timeout: UI_TIMEOUT })
    await expectVisible(subaccounts.getByText('acme', { exact: true }), page.getByText(/^Synced /))
    expect(errors).toEqual([])
  })
})

async function expectVisible(...locators: Array<{ waitFor(options: { timeout: number }): Promise<void> }>): Promise<void> {
  for (const locator of locators) await locator.waitFor({ timeout: UI_TIMEOUT })
}
