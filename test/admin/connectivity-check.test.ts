import { NO_ROLE_USER } from '../../sandbox/cf/index.js'
import { CF_LANDSCAPE, PROVIDER } from '../../sandbox/identities.js'
import { join } from 'node:path'
import { cfApiDestination, cisDestination } from '../../sandbox/landscape-destinations.js'
import { sandboxApp } from '../helpers/sandbox-app.js'
import { as, OPERATOR } from './helpers/landscape.js'
import { readProperties } from './helpers/properties.js'

const app = sandboxApp({ auth: 'xsuaa' })
const { GET, axios } = app.test
axios.defaults.validateStatus = () => true

afterEach(() => app.reset())

interface Check {
  destination: string
  check: string
  status: string
  detail: string
}

async function checkConnectivity(): Promise<Check[]> {
  const res = await GET('/odata/v4/admin/checkConnectivity()', await as(app, OPERATOR))
  expect(res.data.error).toBeUndefined()
  expect(res.status).toBe(200)
  return res.data.value
}
const of = (checks: Check[], destination: string) => checks.filter(check => check.destination === destination)
const statuses = (checks: Check[]) => Object.fromEntries(checks.map(check => [check.check, check.status]))
const replaceCfApi = (overrides: Record<string, string>) =>
  app.sandbox.putDestination({ tenant: PROVIDER.tenantId, destination: cfApiDestination(app.sandbox.cf, overrides) })

describe('checkConnectivity', () => {
  test('in a healthy landscape every step of CFAPI and CIS is OK', async () => {
    const checks = await checkConnectivity()
    expect(statuses(of(checks, 'CFAPI'))).toEqual({ destination: 'OK', token: 'OK', upstream: 'OK', 'approuter-app': 'OK', domain: 'OK' })
    expect(statuses(of(checks, 'CIS'))).toEqual({ destination: 'OK', token: 'OK', upstream: 'OK' })
    expect(of(checks, 'CFAPI')).toMatchObject([
      { detail: expect.stringContaining('OAuth2Password') },
      { detail: expect.stringContaining('obtained') },
      { detail: expect.stringContaining(`space ${CF_LANDSCAPE.space}`) },
      { detail: expect.stringContaining(`app ${CF_LANDSCAPE.approuterApp}`) },
      { detail: expect.stringContaining(`domain ${CF_LANDSCAPE.sharedDomain}`) }
    ])
  })

  test('a wrong technical-user password: the token step fails with the destination service’s reason, the rest is skipped', async () => {
    replaceCfApi({ Password: 'not-the-password' })
    const checks = await checkConnectivity()
    expect(statuses(of(checks, 'CFAPI'))).toEqual({ destination: 'OK', token: 'Failed', upstream: 'Skipped', 'approuter-app': 'Skipped', domain: 'Skipped' })
    const token = of(checks, 'CFAPI').find(check => check.check === 'token')!
    expect(token.detail).toMatch(/Retrieval of OAuthToken failed.*401.*Bad credentials/)
    expect(token.detail).toContain('Check the technical user and password')
    expect(JSON.stringify(checks)).not.toContain('not-the-password')
    expect(statuses(of(checks, 'CIS'))).toEqual({ destination: 'OK', token: 'OK', upstream: 'OK' })
  })

  test('a wrong origin key in login_hint: the token step fails naming the origin', async () => {
    replaceCfApi({ 'tokenService.body.login_hint': JSON.stringify({ origin: 'no-such-origin' }) })
    const checks = await checkConnectivity()
    expect(statuses(of(checks, 'CFAPI'))).toMatchObject({ destination: 'OK', token: 'Failed', upstream: 'Skipped' })
    expect(of(checks, 'CFAPI').find(check => check.check === 'token')!.detail).toMatch(/origin provided in the login_hint does not match/)
  })

  test('a missing CIS destination: the destination step fails and says where to create it', async () => {
    app.sandbox.deleteDestination({ tenant: PROVIDER.tenantId, name: 'CIS' })
    const checks = await checkConnectivity()
    expect(of(checks, 'CIS')).toMatchObject([
      { check: 'destination', status: 'Failed', detail: expect.stringMatching(/Destination "CIS" was not found.*deploy\//) },
      { check: 'token', status: 'Skipped' },
      { check: 'upstream', status: 'Skipped' }
    ])
    expect(statuses(of(checks, 'CFAPI'))).toMatchObject({ destination: 'OK', token: 'OK', upstream: 'OK' })
  })

  test('a technical user without a role in the space: upstream fails and names the role to give', async () => {
    replaceCfApi({ User: NO_ROLE_USER.username, Password: NO_ROLE_USER.password })
    const checks = await checkConnectivity()
    expect(of(checks, 'CFAPI').find(check => check.check === 'upstream')).toMatchObject({ status: 'Failed', detail: expect.stringContaining('Space Developer') })
  })

  test('an unreachable CF API: upstream fails saying it did not answer', async () => {
    app.sandbox.faults.add({ simulator: 'cf', endpoint: '/v3/spaces', reset: true })
    const checks = await checkConnectivity()
    expect(of(checks, 'CFAPI').find(check => check.check === 'upstream')).toMatchObject({ status: 'Failed', detail: expect.stringContaining('did not answer') })
  })
})

describe('the destination templates in deploy/', () => {
  const template = (name: string) => readProperties(join(import.meta.dirname, '..', '..', 'deploy', 'destinations', name))
  /** As an operator fills in a template: placeholders and the secrets left empty take the landscape's values. */
  const filledIn = (name: string, landscape: Record<string, string>) =>
    Object.fromEntries(Object.entries(template(name)).map(([key, value]) => [key, /<[^>]+>/.test(value) || !value ? landscape[key] : value]))

  test.each([
    ['CFAPI', () => cfApiDestination(app.sandbox.cf)],
    ['CIS', () => cisDestination(app.sandbox.cis.credentials[0])]
  ])('%s has the properties tenant-hub needs and no secret', (name, landscape) => {
    const properties = template(name)
    expect(properties.Name).toBe(name)
    expect(Object.keys(properties).sort()).toEqual([...Object.keys(landscape()), 'Description'].sort())
    for (const secret of ['Password', 'clientSecret'].filter(key => key in properties)) expect(properties[secret]).toBe('')
  })

  test('CFAPI asks for client cf with an empty secret and the origin as JSON login_hint', () => {
    expect(template('CFAPI')).toMatchObject({ Authentication: 'OAuth2Password', clientId: 'cf', clientSecret: '', URL: 'https://api.cf.<region>.hana.ondemand.com' })
    expect(JSON.parse(template('CFAPI')['tokenService.body.login_hint'])).toEqual({ origin: '<origin-key>' })
  })

  test('destinations made from the templates pass the connectivity check', async () => {
    app.sandbox.putDestination({ tenant: PROVIDER.tenantId, destination: filledIn('CFAPI', cfApiDestination(app.sandbox.cf)) })
    app.sandbox.putDestination({ tenant: PROVIDER.tenantId, destination: filledIn('CIS', cisDestination(app.sandbox.cis.credentials[0])) })
    const checks = await checkConnectivity()
    expect(checks.filter(check => check.status !== 'OK')).toEqual([])
  })
})
