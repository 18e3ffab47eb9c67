import { newTenant, onboardingApp, subscriptionPayload } from './helpers/onboarding-app.js'

const onboarding = onboardingApp()
const { app } = onboarding

/** 52 characters: with `-tenant-hub` exactly the 63 a DNS label may have. */
const LONGEST = 'a'.repeat(52)

const invalid: Array<[string, string]> = [
  ['a dot', 'acme.corp'],
  ['an underscore', 'acme_corp'],
  ['a leading "-"', '-acme'],
  ['a trailing "-"', 'acme-'],
  ['a host over 63 characters', `${LONGEST}b`],
  ['unicode', 'äcme'],
  ['a path', '../acme'],
  ['a space', 'acme corp'],
  ['a double quote', 'acme"corp'],
  ['a single quote', "acme'corp"],
  ['nothing', '']
]

async function subscribeWithSubdomain(subdomain: string, headers: Record<string, string> = {}) {
  const tenant = { ...newTenant(), subdomain }
  const auth = onboarding.asSaasRegistry()
  const res = await app.test.PUT(`/-/cds/saas-provisioning/tenant/${tenant.tenantId}`, subscriptionPayload(tenant), {
    headers: { ...auth.headers, ...headers }
  })
  return { tenant, res }
}

describe('a subdomain that cannot form a route host is refused with 400 before any call to CF', () => {
  afterEach(() => {
    expect(onboarding.calls('cf')).toEqual({})
    expect(onboarding.calls('uaa')).toEqual({})
    expect(onboarding.calls('destination')).toEqual({})
  })

  test.each(invalid)('a subdomain with %s', async (_, subdomain) => {
    const { tenant, res } = await subscribeWithSubdomain(subdomain)
    expect(res.data.error).toMatchObject({ code: 'INVALID_SUBDOMAIN', message: expect.stringMatching(/subdomain/i) })
    expect(res.status).toBe(400)
    expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(404)
  })

  test('the message names the subdomain and what a valid one looks like', async () => {
    const { res } = await subscribeWithSubdomain('acme_corp')
    expect(res.data.error.message).toBe('Subdomain "acme_corp" cannot form a route host: use only letters, digits and "-", not at the start or end.')
    expect(res.status).toBe(400)
  })

  test('an asynchronous subscription is refused the same way, before a job is queued', async () => {
    const { tenant, res } = await subscribeWithSubdomain('acme.corp', { status_callback: '/saas-manager/v1/subscription-callback/x/result' })
    expect(res.data.error.code).toBe('INVALID_SUBDOMAIN')
    expect(res.status).toBe(400)
    expect((await onboarding.tenantMetadata(tenant.tenantId)).status).toBe(404)
  })
})

test('a subdomain that makes a host of exactly 63 characters is accepted', async () => {
  const tenant = { ...newTenant(), subdomain: LONGEST }
  const result = await app.sandbox.saas.registry.subscribe(tenant)
  expect(result.url).toBe(`https://${LONGEST}-tenant-hub.cfapps.sandbox.localhost`)
  expect(onboarding.routesOf(tenant.tenantId).map(route => route.host.length)).toEqual([63])
  expect(result.state).toBe('SUBSCRIBED')
})
