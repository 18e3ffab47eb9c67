import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { routeHostFor } from '../srv/onboarding/naming.js'

const root = join(import.meta.dirname, '..')

interface MtaRequire { name: string; group?: string; properties?: Record<string, string> }
interface MtaModule {
  name: string
  type: string
  path: string
  parameters?: Record<string, unknown>
  properties?: Record<string, string>
  requires?: MtaRequire[]
  provides?: Array<{ name: string; properties?: Record<string, string> }>
  hooks?: Array<{ parameters: { command: string } }>
}
interface MtaResource { name: string; type: string; parameters: { service: string; 'service-plan': string; path?: string; config?: Record<string, unknown> } }
interface Mta { parameters: Record<string, string>; modules: MtaModule[]; resources: MtaResource[]; 'build-parameters': { 'before-all': Array<{ commands: string[] }> } }

const mta = parse(readFileSync(join(root, 'mta.yaml'), 'utf8')) as Mta
const xsSecurity = JSON.parse(readFileSync(join(root, 'xs-security.json'), 'utf8'))

const moduleOfType = (type: string) => mta.modules.find(m => m.type === type)!
const resourceOf = (service: string) => mta.resources.find(r => r.parameters.service === service)
/** Resolves `${name}` MTA parameters the way the MTA deployer does, with a sample default-domain. */
const resolveParameters = (text: string): string =>
  text.replace(/\$\{([\w-]+)\}/g, (_, name: string) =>
    name === 'default-domain' ? 'cfapps.eu10.hana.ondemand.com' : resolveParameters(String(mta.parameters[name])))

describe('xs-security.json', () => {
  test('grants the mtxs callback scope to the SaaS provisioning service', () => {
    const callback = xsSecurity.scopes.find((s: { name: string }) => s.name === '$XSAPPNAME.mtcallback')
    expect(callback['grant-as-authority-to-apps']).toContain('$XSAPPNAME(application,sap-provisioning,tenant-onboarding)')
  })

  test('is shared-tenant and declares the scopes CAP, operators and readers need', () => {
    expect(xsSecurity['tenant-mode']).toBe('shared')
    const scopes = xsSecurity.scopes.map((s: { name: string }) => s.name)
    expect(scopes).toEqual(expect.arrayContaining(['$XSAPPNAME.cds.Subscriber', '$XSAPPNAME.Admin', '$XSAPPNAME.Viewer']))
  })

  test('every role collection refers to a declared role template and every template to declared scopes', () => {
    const scopes = new Set(xsSecurity.scopes.map((s: { name: string }) => s.name))
    const templates = new Set(xsSecurity['role-templates'].map((t: { name: string }) => `$XSAPPNAME.${t.name}`))
    for (const template of xsSecurity['role-templates']) for (const ref of template['scope-references']) expect(scopes).toContain(ref)
    for (const collection of xsSecurity['role-collections'])
      for (const ref of collection['role-template-references']) expect(templates).toContain(ref)
  })

  test('allows login redirects to tenant hosts', () => {
    expect(xsSecurity['oauth2-configuration']['redirect-uris'].length).toBeGreaterThan(0)
    const auth = mta.resources.find(r => r.parameters.service === 'xsuaa')!
    const redirects = (auth.parameters.config!['oauth2-configuration'] as { 'redirect-uris': string[] })['redirect-uris'].map(resolveParameters)
    expect(redirects).toEqual(['https://*-tenant-hub.cfapps.eu10.hana.ondemand.com/**'])
  })
})

describe('mta.yaml', () => {
  test('has the resources a multitenant CAP app on HANA needs', () => {
    expect(resourceOf('xsuaa')?.parameters).toMatchObject({ 'service-plan': 'application', path: './xs-security.json' })
    expect(resourceOf('saas-registry')?.parameters['service-plan']).toBe('application')
    expect(resourceOf('destination')).toBeDefined()
    expect(resourceOf('service-manager')?.parameters['service-plan']).toBe('container')
  })

  test("saas-registry calls CAP's provisioning endpoints on the srv app, asynchronously with a timeout", () => {
    const appUrls = resourceOf('saas-registry')!.parameters.config!.appUrls as Record<string, unknown>
    expect(appUrls).toMatchObject({
      getDependencies: '~{srv-api/srv-url}/-/cds/saas-provisioning/dependencies',
      onSubscription: '~{srv-api/srv-url}/-/cds/saas-provisioning/tenant/{tenantId}',
      onSubscriptionAsync: true,
      onUnSubscriptionAsync: true,
      callbackTimeoutMillis: expect.any(Number)
    })
    const srv = moduleOfType('nodejs')
    expect(srv.provides?.map(p => p.name)).toContain('srv-api')
    expect(resourceOf('saas-registry')!.parameters.config!.xsappname).toBe(resourceOf('xsuaa')!.parameters.config!.xsappname)
  })

  test('runs MTX inside the srv app, built by cds build --production, with no sidecar module', () => {
    expect(mta.modules.filter(m => m.type === 'nodejs').map(m => m.path)).toEqual(['gen/srv'])
    expect(mta['build-parameters']['before-all'][0].commands).toContain('npm run build')
    const requires = moduleOfType('nodejs').requires!.map(r => r.name)
    expect(requires).toEqual(expect.arrayContaining(mta.resources.map(r => r.name)))
  })

  test('declares no wildcard route and keeps the tenant routes tenant-hub created', () => {
    const text = readFileSync(join(root, 'mta.yaml'), 'utf8')
    expect(text).not.toMatch(/route:\s*['"]?\*/)
    for (const m of mta.modules) expect(JSON.stringify(m.parameters ?? {})).not.toMatch(/"\*\./)
    expect(moduleOfType('approuter.nodejs').parameters!['keep-existing-routes']).toBe(true)
  })

  test("the approuter's TENANT_HOST_PATTERN maps every tenant host back to its subdomain", () => {
    const approuter = moduleOfType('approuter.nodejs')
    expect(approuter.path).toBe('app/router')
    const pattern = new RegExp(resolveParameters(approuter.properties!.TENANT_HOST_PATTERN))
    const config = JSON.parse(resolveParameters(moduleOfType('nodejs').properties!.CDS_CONFIG)).requires['tenant-routes']
    for (const subdomain of ['acme', 'my-company-42', 'tenant-hub', 'a']) {
      const host = `${routeHostFor(subdomain, config.hostSuffix)}.${config.domain}`
      expect(pattern.exec(host)?.[1]).toBe(subdomain)
    }
  })

  test('app names, host suffix and domain are set in one place', () => {
    expect(mta.parameters).toMatchObject({ 'approuter-app': expect.any(String), 'tenant-host-suffix': expect.any(String), 'tenant-domain': expect.any(String) })
    expect(moduleOfType('approuter.nodejs').parameters!['app-name']).toBe('${approuter-app}')
    expect(moduleOfType('nodejs').properties!.CDS_CONFIG).toContain('"approuterApp":"${approuter-app}"')
  })
})
