import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { DEMO_TENANTS } from '../../sandbox/identities.js'
import { sandboxApp } from '../helpers/sandbox-app.js'

const app = sandboxApp()
const { GET } = app.test
app.test.axios.defaults.validateStatus = () => true
beforeEach(() => app.reset())

const recordings = join(import.meta.dirname, '..', '..', '..', 'shared', 'specs', 'recordings', 'mtx-tool')
const recorded = (file: string, path: string) =>
  (JSON.parse(readFileSync(join(recordings, file), 'utf8')) as Array<{ path?: string; response: unknown }>).find(e => e.path?.startsWith(path))!.response
const [acme, globex] = DEMO_TENANTS
const routesOf = (tenantId: string) => app.sandbox.cf.snapshot().routes.filter(r => r.labels['tenant-hub/tenant-id'] === tenantId)
/** A port nothing listens on: one the system just handed out and that was closed again. */
const closedPort = () =>
  new Promise<number>(resolve => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
const asSaasRegistry = () => ({ headers: { authorization: `Bearer ${app.sandbox.xsuaa.issueClientToken({ role: 'saas-registry' })}` } })

describe('the sandbox saas-registry drives tenant-hub as SAP SaaS Provisioning does', () => {
  test('a synchronous subscription returns the tenant URL and tenant-hub stores every recorded payload field', async () => {
    const result = await app.sandbox.saas.registry.subscribe({ subdomain: acme.subdomain, tenantId: acme.tenantId })
    expect(result).toMatchObject({ state: 'SUBSCRIBED', url: 'https://acme-tenant-hub.cfapps.sandbox.localhost', httpStatus: 200 })

    const stored = await GET(`/-/cds/saas-provisioning/tenant/${acme.tenantId}`, asSaasRegistry())
    const recordedMetadata = (recorded('cds-long-list.json', '/-/cds/saas-provisioning/tenant') as object[])[0]
    expect(Object.keys(stored.data)).toEqual(expect.arrayContaining(Object.keys(recordedMetadata)))
    expect(stored.status).toBe(200)
  })

  test('a callout that gets no answer fails the subscription with the reason instead of breaking the registry', async () => {
    const appUrl = app.sandbox.endpoints().app!
    app.sandbox.registerApp(`http://127.0.0.1:${await closedPort()}`)
    try {
      const result = await app.sandbox.saas.registry.subscribe({ subdomain: acme.subdomain, tenantId: acme.tenantId })
      expect(result).toMatchObject({ state: 'SUBSCRIBE_FAILED', error: expect.stringMatching(/did not answer the callout: ECONNREFUSED/) })
    } finally {
      app.sandbox.registerApp(appUrl)
    }
    expect(routesOf(acme.tenantId)).toEqual([])
  })

  test('an asynchronous subscription answers 202 and reports SUCCEEDED with the URL in the status callback', async () => {
    const result = await app.sandbox.saas.registry.subscribe({ subdomain: globex.subdomain, tenantId: globex.tenantId, async: true })
    expect(result).toMatchObject({ state: 'SUBSCRIBED', url: 'https://globex-tenant-hub.cfapps.sandbox.localhost', httpStatus: 202 })
    const callbacks = Object.values((app.sandbox.saas.snapshot() as { callbacks: Record<string, object> }).callbacks)
    expect(callbacks).toEqual([{ status: 'SUCCEEDED', message: 'Tenant creation succeeded', subscriptionUrl: result.url }])
  })

  test('an asynchronous subscription that fails reports FAILED with the reason and leaves no route', async () => {
    app.sandbox.faults.add({ simulator: 'cf', endpoint: 'POST /v3/routes', status: 403, times: 1 })
    const result = await app.sandbox.saas.registry.subscribe({ subdomain: acme.subdomain, tenantId: acme.tenantId, async: true })
    expect(result.error).toMatch(/route could not be created.*403/)
    expect(result.state).toBe('SUBSCRIBE_FAILED')
    expect(routesOf(acme.tenantId)).toEqual([])
  })

  test('the subscription listing has the shape saas-manager answers with', async () => {
    await app.sandbox.saas.registry.subscribe({ subdomain: acme.subdomain, tenantId: acme.tenantId })
    const res = await fetch(`${app.sandbox.endpoints().saas}/saas-manager/v2/application/subscriptions`)
    const { subscriptions } = (await res.json()) as { subscriptions: object[] }
    const recordedSubscription = (recorded('reg-list.json', '/saas-manager/v2/application/subscriptions') as { subscriptions: object[] }).subscriptions[0]
    expect(Object.keys(subscriptions[0])).toEqual(expect.arrayContaining(Object.keys(recordedSubscription)))
    expect(subscriptions[0]).toMatchObject({ consumerTenantId: acme.tenantId, subdomain: acme.subdomain, state: 'SUBSCRIBED' })
  })

  test('unsubscribing, sync or async, removes the tenant and its route', async () => {
    await app.sandbox.saas.registry.subscribe({ subdomain: acme.subdomain, tenantId: acme.tenantId })
    await app.sandbox.saas.registry.subscribe({ subdomain: globex.subdomain, tenantId: globex.tenantId })
    expect(await app.sandbox.saas.registry.unsubscribe({ tenant: acme.subdomain })).toMatchObject({ state: 'NOT_SUBSCRIBED', httpStatus: 204 })
    expect(await app.sandbox.saas.registry.unsubscribe({ tenant: globex.tenantId, async: true })).toMatchObject({ state: 'NOT_SUBSCRIBED', httpStatus: 202 })
    expect(routesOf(acme.tenantId)).toEqual([])
    expect(routesOf(globex.tenantId)).toEqual([])
    expect((await GET(`/-/cds/saas-provisioning/tenant/${acme.tenantId}`, asSaasRegistry())).status).toBe(404)
  })
})

describe('npm run saas', () => {
  const run = promisify(execFile)
  const tsx = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx')
  const cli = join(import.meta.dirname, '..', '..', 'sandbox', 'cli.ts')
  const saas = async (...args: string[]) => {
    const endpointsFile = join(mkdtempSync(join(tmpdir(), 'sandbox-')), 'endpoints.json')
    writeFileSync(endpointsFile, JSON.stringify(app.sandbox.endpoints()))
    try {
      const { stdout } = await run(tsx, [cli, 'saas', ...args], { env: { ...process.env, SANDBOX_ENDPOINTS: endpointsFile } })
      return { code: 0, stdout: stdout.trim(), stderr: '' }
    } catch (err) {
      const failed = err as { code: number; stdout: string; stderr: string }
      return { code: failed.code, stdout: failed.stdout.trim(), stderr: failed.stderr.trim() }
    }
  }

  test('subscribe prints the tenant URL and exits 0', async () => {
    const result = await saas('subscribe', 'Initech', '--tenant', DEMO_TENANTS[2].tenantId)
    expect(result).toMatchObject({ code: 0, stdout: 'https://initech-tenant-hub.cfapps.sandbox.localhost' })
  })

  test('a refused subscription prints the reason and exits non-zero', async () => {
    const result = await saas('subscribe', 'bad_name')
    expect(result.stderr).toMatch(/failed \(SUBSCRIBE_FAILED\): Subdomain "bad_name" cannot form a route host/)
    expect(result.code).toBe(1)
  })

  test('token prints a bearer token that tenant-hub accepts for the tenant', async () => {
    await app.sandbox.saas.registry.subscribe({ subdomain: acme.subdomain, tenantId: acme.tenantId })
    const { stdout: token, code } = await saas('token', 'acme', '--scopes', 'Viewer')
    expect(code).toBe(0)
    const res = await GET('/odata/v4/accounts/$metadata', { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
  })
})
