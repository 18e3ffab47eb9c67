import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
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
  'build-parameters'?: { requires?: Array<{ name: string; artifacts: string[]; 'target-path': string }> }
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

describe('app/router/xs-app.json, as the approuter loads it from the MTA build', () => {
  interface Route { source: RegExp; target?: string; localDir?: string; destination?: string; authenticationType?: string; scope?: string[] }
  const approuter = moduleOfType('approuter.nodejs')
  /** The approuter module as `mbt build` assembles it: app/router plus the UI modules' files at their target paths. */
  const assembled = mkdtempSync(join(tmpdir(), 'tenant-hub-approuter-'))
  cpSync(join(root, approuter.path), assembled, { recursive: true, filter: source => !source.includes('node_modules') })
  for (const { name, 'target-path': target } of approuter['build-parameters']?.requires ?? [])
    cpSync(join(root, mta.modules.find(m => m.name === name)!.path), join(assembled, target), { recursive: true })
  /** The approuter's own loader and validator (JSON schema, local dirs, destinations, scopes). */
  const load = (): { routes: Route[]; welcomeFile: string } => {
    const groupDestinations = Object.fromEntries(
      approuter.requires!.filter(r => r.group === 'destinations').map(r => [r.properties!.name, { name: r.properties!.name, url: 'https://srv.example' }])
    )
    const bindsDestinationService = approuter.requires!.some(r => resourceOf('destination')?.name === r.name)
    const vcap = process.env.VCAP_SERVICES
    process.env.VCAP_SERVICES = JSON.stringify(bindsDestinationService ? { destination: [{ label: 'destination', name: 'dest', tags: ['destination'], credentials: { uri: 'https://d', url: 'https://u', clientid: 'c', clientsecret: 's' } }] } : {})
    try {
      const appConfig = createRequire(import.meta.url)('@sap/approuter/lib/configuration/app-config.js')
      return appConfig.loadConfiguration(assembled, 'xs-app.json', groupDestinations, 'tenant-hub')
    } finally {
      process.env.VCAP_SERVICES = vcap
    }
  }
  const config = load()
  const routeOf = (path: string) => config.routes.find(route => route.source.test(path))!
  const fileOf = (path: string) => {
    const route = routeOf(path)
    return route.localDir && join(assembled, route.localDir, path.replace(route.source, route.target!))
  }

  test('serves each UI from the files the MTA build puts next to it, behind a login; the operators’ UI needs Admin', () => {
    for (const page of [config.welcomeFile, '/admin/index.html', '/subaccounts/index.html', '/admin/manifest.json']) expect(existsSync(fileOf(page)!)).toBe(true)
    expect(routeOf('/admin/index.html')).toMatchObject({ authenticationType: 'xsuaa', scope: ['tenant-hub.Admin'] })
    expect(routeOf('/subaccounts/index.html').authenticationType).toBe('xsuaa')
  })

  test('takes UI5 from the destination ui5, which the destination instance of mta.yaml creates', () => {
    expect(routeOf('/admin/resources/sap-ui-core.js')).toMatchObject({ destination: 'ui5', authenticationType: 'none' })
    const initData = resourceOf('destination')!.parameters.config!.init_data as { instance: { destinations: Array<{ Name: string; URL: string }> } }
    expect(initData.instance.destinations).toContainEqual(expect.objectContaining({ Name: 'ui5', URL: expect.stringMatching(/^https:\/\//) }))
  })

  test("sends the UIs' OData calls to the srv app with the user's token", () => {
    for (const app of ['admin', 'subaccounts']) {
      const manifest = JSON.parse(readFileSync(join(root, 'app', app, 'webapp', 'manifest.json'), 'utf8'))
      for (const { uri } of Object.values(manifest['sap.app'].dataSources) as Array<{ uri: string }>)
        expect(routeOf(`${uri}$metadata`)).toMatchObject({ destination: 'srv-api', authenticationType: 'xsuaa' })
    }
    expect(approuter.requires!.find(r => r.name === 'srv-api')!.properties).toMatchObject({ name: 'srv-api', forwardAuthToken: true })
  })

  test("the provider's own route follows the tenant host pattern, so operators log in to the provider's zone", () => {
    const route = resolveParameters((approuter.parameters!.routes as Array<{ route: string }>)[0].route)
    expect(new RegExp(resolveParameters(approuter.properties!.TENANT_HOST_PATTERN)).exec(route)?.[1]).toBe(mta.parameters['provider-subdomain'])
  })
})
