import { CF_LANDSCAPE } from '../../sandbox/identities.js'
import { cfApiDestination } from '../../sandbox/landscape-destinations.js'
import { captureOutput, type CapturedOutput } from '../helpers/captured-output.js'
import { newTenant, onboardingApp } from './helpers/onboarding-app.js'

const onboarding = onboardingApp()
const { app, routesOf } = onboarding
let output: CapturedOutput
beforeEach(() => (output = captureOutput()))
afterEach(() => output.stop())

const WRONG_PASSWORD = 'not-the-Passw0rd-of-tenant-hub'
const OTHER_CLIENT_SECRET = 'secret-of-another-client'
/** Anything that looks like a JWT (header and payload of base64url JSON). */
const JWT = /eyJ[\w-]{10,}\.eyJ[\w-]{10,}/

/** Replaces the provider's CFAPI destination by the sandbox's with these properties changed. */
function changeCfApi(overrides: Record<string, string>) {
  app.sandbox.putDestination({ destination: cfApiDestination(app.sandbox.cf, overrides) })
}

/** Subscribes a new tenant and returns what saas-registry saw, after checking nothing was left behind. */
async function failingSubscription() {
  const tenant = newTenant('misconfigured')
  const result = await app.sandbox.saas.registry.subscribe(tenant)
  // a diff of this shows the error of an unexpected outcome
  expect(result).toMatchObject({ error: expect.any(String), state: 'SUBSCRIBE_FAILED' })
  expect(routesOf(tenant.tenantId)).toEqual([])
  expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(404)
  return result
}

/** No password, client secret or token in what saas-registry got back or in anything tenant-hub logged. */
function expectNoSecretsIn(...texts: string[]) {
  const secrets = [CF_LANDSCAPE.technicalUser.password, WRONG_PASSWORD, OTHER_CLIENT_SECRET, app.sandbox.destination.bindingCredentials().clientsecret]
  for (const text of texts) {
    for (const secret of secrets) expect(text).not.toContain(secret)
    expect(text).not.toMatch(JWT)
  }
}

describe('a CFAPI destination that cannot get a CF token fails the subscription with what to fix, and never a secret', () => {
  test('a wrong password', async () => {
    changeCfApi({ Password: WRONG_PASSWORD })
    const result = await failingSubscription()

    expect(result.error).toMatch(/Destination "CFAPI" could not obtain a token: .*401 Bad credentials/)
    expect(result.error).toContain('Check the technical user and password')
    expect(result.httpStatus).toBe(502)
    // the failure was logged (so the log is worth checking), without the secrets
    expect(output.text()).toContain('Destination "CFAPI" could not obtain a token')
    expectNoSecretsIn(result.error!, output.text())
  })

  test('an origin key in login_hint that the CF UAA does not know', async () => {
    changeCfApi({ 'tokenService.body.login_hint': JSON.stringify({ origin: 'no-such-idp' }) })
    const result = await failingSubscription()

    expect(result.error).toMatch(/Destination "CFAPI" could not obtain a token: .*login_hint does not match an active Identity Provider/)
    expect(result.error).toContain('the origin key in tokenService.body.login_hint')
    expect(result.httpStatus).toBe(502)
    expectNoSecretsIn(result.error!, output.text())
  })

  test('a client other than "cf"', async () => {
    changeCfApi({ clientId: 'tenant-hub-client', clientSecret: OTHER_CLIENT_SECRET })
    const result = await failingSubscription()

    expect(result.error).toMatch(/Destination "CFAPI" could not obtain a token: .*401/)
    expect(result.error).toContain('clientId is "cf" with an empty secret')
    expect(result.httpStatus).toBe(502)
    expectNoSecretsIn(result.error!, output.text())
  })
})

test('a missing CFAPI destination fails the subscription with a message that says to create it', async () => {
  app.sandbox.destination.store.delete(app.sandbox.destination.subaccountLevel(), 'CFAPI')
  const result = await failingSubscription()

  expect(result.error).toMatch(/Destination "CFAPI" was not found in the destination service/)
  expect(result.httpStatus).toBe(503)
  expectNoSecretsIn(result.error!, output.text())
})

test('a CF technical user without a role in the space fails the subscription naming the destination and the role it needs', async () => {
  changeCfApi({ User: 'no-role@example.com', Password: 'sandbox-norole-password' })
  const result = await failingSubscription()

  // CF shows such a user no app at all, so the lookup of the approuter is what fails
  expect(result.error).toMatch(/app "tenant-hub" in space .+ was not found/)
  expect(result.error).toMatch(/the technical user of destination "CFAPI" is a Space Developer of space/)
  expect(result.httpStatus).toBe(502)
  expectNoSecretsIn(result.error!, output.text())
})

test('after the destination is fixed, the next subscription succeeds without a restart', async () => {
  changeCfApi({ Password: WRONG_PASSWORD })
  await failingSubscription()

  changeCfApi({})
  const tenant = newTenant('fixed')
  const result = await app.sandbox.saas.registry.subscribe(tenant)
  expect(result.state).toBe('SUBSCRIBED')
  expect(routesOf(tenant.tenantId)).toHaveLength(1)
})
