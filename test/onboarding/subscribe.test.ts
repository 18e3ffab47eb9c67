import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { hostOf, MANAGED_BY_LABEL, newTenant, onboardingApp, SANDBOX, subscriptionPayload, TENANT_LABEL } from './helpers/onboarding-app.js'

const onboarding = onboardingApp()
const { app, routesOf, routesWithHost } = onboarding
const registry = () => app.sandbox.saas.registry

describe('subscribing gives the tenant its route', () => {
  test('creates one route labelled with the tenant, mapped to the approuter, and returns its URL', async () => {
    const tenant = newTenant('acme')
    const result = await registry().subscribe(tenant)

    expect(result).toMatchObject({ state: 'SUBSCRIBED', url: `https://${hostOf(tenant.subdomain)}.${SANDBOX.domain}` })
    expect(routesOf(tenant.tenantId)).toEqual([
      expect.objectContaining({
        host: hostOf(tenant.subdomain),
        domain: SANDBOX.domain,
        spaceGuid: SANDBOX.spaceGuid,
        appGuids: [SANDBOX.approuterGuid],
        labels: { [TENANT_LABEL]: tenant.tenantId, [MANAGED_BY_LABEL]: 'tenant-hub-srv' }
      })
    ])
    expect((await onboarding.tenantMetadata(tenant.tenantId)).data).toMatchObject({ subscribedSubdomain: tenant.subdomain })
    expect(result.httpStatus).toBe(200)
  })

  test('subscribing again keeps the one route', async () => {
    const tenant = newTenant('again')
    await registry().subscribe(tenant)
    const [first] = routesOf(tenant.tenantId)

    const again = await registry().subscribe(tenant)
    expect(again).toMatchObject({ state: 'SUBSCRIBED', url: `https://${first.url}` })
    expect(routesOf(tenant.tenantId)).toEqual([first])
  })

  test('a subscription UPDATE (eventType UPDATE) reruns subscribe and keeps the one route', async () => {
    const tenant = newTenant('update')
    await registry().subscribe(tenant)
    const [first] = routesOf(tenant.tenantId)

    const res = await app.test.PUT(`/-/cds/saas-provisioning/tenant/${tenant.tenantId}`, subscriptionPayload(tenant, 'UPDATE'), onboarding.asSaasRegistry())
    expect(res.data).toBe(`https://${first.url}`)
    expect(res.status).toBe(200)
    expect(routesOf(tenant.tenantId)).toEqual([first])
  })

  test('a route of the tenant that is already there is reused and mapped to the approuter', async () => {
    const tenant = newTenant('existing')
    const existing = app.sandbox.cf.store.createRoute({
      host: hostOf(tenant.subdomain),
      spaceGuid: SANDBOX.spaceGuid,
      domainGuid: SANDBOX.domainGuid,
      metadata: { labels: { [TENANT_LABEL]: tenant.tenantId, [MANAGED_BY_LABEL]: 'tenant-hub-srv' } }
    })

    const result = await registry().subscribe(tenant)
    expect(result).toMatchObject({ state: 'SUBSCRIBED', url: `https://${hostOf(tenant.subdomain)}.${SANDBOX.domain}` })
    expect(routesOf(tenant.tenantId)).toEqual([expect.objectContaining({ guid: existing.guid, appGuids: [SANDBOX.approuterGuid] })])
  })

  test('an uppercase subdomain is accepted and its host lowercased', async () => {
    const tenant = newTenant('Acme-Corp')
    const result = await registry().subscribe(tenant)

    const host = `${tenant.subdomain.toLowerCase()}-tenant-hub`
    expect(result).toMatchObject({ state: 'SUBSCRIBED', url: `https://${host}.${SANDBOX.domain}` })
    expect(routesOf(tenant.tenantId).map(route => route.host)).toEqual([host])
  })

  test("the route host is the one the approuter's TENANT_HOST_PATTERN (mta.yaml) maps back to the subdomain", async () => {
    const pattern = deployedTenantHostPattern(SANDBOX.domain)
    for (const subdomain of ['acme', 'My-Company-42', 'tenant-hub', 'a']) {
      const tenant = { ...newTenant(), subdomain }
      await registry().subscribe(tenant)
      const [route] = routesOf(tenant.tenantId)
      expect(pattern.exec(route.url)?.[1]).toBe(subdomain.toLowerCase())
    }
  })
})

describe('a host that is not the tenant’s own is refused with 409 naming the host', () => {
  test('a route of another org and space holds the host', async () => {
    const tenant = newTenant('foreign')
    app.sandbox.cf.store.createRoute({ host: hostOf(tenant.subdomain), spaceGuid: SANDBOX.foreignSpaceGuid, domainGuid: SANDBOX.domainGuid })

    const result = await registry().subscribe(tenant)
    expect(result.error).toContain(`${hostOf(tenant.subdomain)}.${SANDBOX.domain} is already taken`)
    expect(result).toMatchObject({ state: 'SUBSCRIBE_FAILED', httpStatus: 409 })
    expect(routesWithHost(hostOf(tenant.subdomain))).toEqual([expect.objectContaining({ spaceGuid: SANDBOX.foreignSpaceGuid })])
    expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(404)
  })

  test("a route in tenant-hub's space without tenant-hub's labels holds the host", async () => {
    const tenant = newTenant('unlabelled')
    const manual = app.sandbox.cf.store.createRoute({ host: hostOf(tenant.subdomain), spaceGuid: SANDBOX.spaceGuid, domainGuid: SANDBOX.domainGuid })

    const result = await registry().subscribe(tenant)
    expect(result.error).toContain(`${hostOf(tenant.subdomain)}.${SANDBOX.domain} is already taken by a route tenant-hub did not create`)
    expect(result).toMatchObject({ state: 'SUBSCRIBE_FAILED', httpStatus: 409 })
    expect(routesWithHost(hostOf(tenant.subdomain))).toEqual([expect.objectContaining({ guid: manual.guid, labels: {}, appGuids: [] })])
    expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(404)
  })

  test("the route of another tenant holds the host", async () => {
    const tenant = newTenant('other')
    app.sandbox.cf.store.createRoute({
      host: hostOf(tenant.subdomain),
      spaceGuid: SANDBOX.spaceGuid,
      domainGuid: SANDBOX.domainGuid,
      metadata: { labels: { [TENANT_LABEL]: 'someone-else', [MANAGED_BY_LABEL]: 'tenant-hub-srv' } }
    })

    const result = await registry().subscribe(tenant)
    expect(result.error).toContain('is already taken by the route of tenant someone-else')
    expect(result.httpStatus).toBe(409)
  })
})

test('dependencies name the destination service, which subscribers need for CFAPI and CIS', async () => {
  const res = await app.test.GET('/-/cds/saas-provisioning/dependencies', onboarding.asSaasRegistry())
  const destinationXsappname = app.sandbox.destination.bindingCredentials().xsappname
  expect(res.data).toEqual(expect.arrayContaining([{ xsappname: destinationXsappname }]))
  expect(res.status).toBe(200)
})

/** The approuter's TENANT_HOST_PATTERN as the MTA deployer resolves it, with the sandbox's domain as default-domain. */
function deployedTenantHostPattern(defaultDomain: string): RegExp {
  const mta = parse(readFileSync(join(import.meta.dirname, '..', '..', 'mta.yaml'), 'utf8')) as {
    parameters: Record<string, string>
    modules: Array<{ type: string; properties?: Record<string, string> }>
  }
  const resolve = (text: string): string =>
    text.replace(/\$\{([\w-]+)\}/g, (_, name: string) => (name === 'default-domain' ? defaultDomain : resolve(String(mta.parameters[name]))))
  const approuter = mta.modules.find(module => module.type === 'approuter.nodejs')!
  return new RegExp(resolve(approuter.properties!.TENANT_HOST_PATTERN))
}
