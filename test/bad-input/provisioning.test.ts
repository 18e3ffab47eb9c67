import { sandboxApp } from '../helpers/sandbox-app.js'

/**
 * Hostile or broken input to the provisioning endpoint: each gets a 4xx with a message saying what is wrong,
 * and the landscape is left as it was (no route, no CF call, no tenant).
 */
const app = sandboxApp()
const { axios } = app.test
axios.defaults.validateStatus = () => true

const VALID_TENANT = '0f5e2d1c-7b6a-4c3d-9e8f-1a2b3c4d5e6f'

interface BadRequest {
  name: string
  tenant?: string
  body?: unknown
  rawBody?: string
  contentType?: string
}

const payload = (overrides: Record<string, unknown>) => ({
  subscribedTenantId: VALID_TENANT,
  subscribedSubdomain: 'valid-subdomain',
  globalAccountGUID: '011b4e7a-43b5-4f63-819a-9b1e46ab23b6',
  subscriptionAppName: 'tenant-hub',
  ...overrides
})

const badSubdomains: Array<[string, unknown]> = [
  ['a dot', 'acme.corp'],
  ['an underscore', 'acme_corp'],
  ['a leading hyphen', '-acme'],
  ['a trailing hyphen', 'acme-'],
  ['a host over 63 characters', 'x'.repeat(60)],
  ['unicode', 'ächme'],
  ['an emoji', 'acme🚀'],
  ['an empty string', ''],
  ['only spaces', '   '],
  ['a path traversal', '../etc'],
  ['a space inside', 'acme corp'],
  ['double quotes', '"acme"'],
  ['a single quote', "o'neil"],
  ['markup', '<script>alert(1)</script>'],
  ['an encoded slash', 'a%2Fb'],
  ['a newline', 'acme\nevil'],
  ['a null byte', 'acme\u0000'],
  ['null', null],
  ['a number', 42],
  ['an array', ['acme']],
  ['an object', { name: 'acme' }],
  ['a boolean', true]
]

const badTenantIds: Array<[string, string]> = [
  ['the mtxs metadata tenant t0', 't0'],
  ['a path traversal', '..%2F..%2Ft0'],
  ['300 characters', 'a'.repeat(300)],
  ['a NUL character', 'abc%00def'],
  ['a space', 'tenant%20one'],
  ['a semicolon statement', "t1';DROP TABLE x;--"],
  ['unicode', '%C3%A4cme']
]

const cases: BadRequest[] = [
  ...badSubdomains.map(([name, subdomain]) => ({ name: `subdomain with ${name}`, body: payload({ subscribedSubdomain: subdomain }) })),
  ...badTenantIds.map(([name, tenant]) => ({ name: `tenant id with ${name}`, tenant, body: payload({ subscribedTenantId: decodeURIComponent(tenant) }) })),
  { name: 'the subdomain key spelled with another case', body: { ...payload({ subscribedSubdomain: undefined }), SubscribedSubdomain: 'acme' } },
  { name: 'a JSON array as body', body: [payload({})] },
  { name: 'a JSON string as body', rawBody: '"acme"' },
  { name: 'a JSON number as body', rawBody: '42' },
  { name: 'JSON null as body', rawBody: 'null' },
  { name: 'a body that is not JSON', rawBody: 'subscribedSubdomain=acme' },
  { name: 'truncated JSON', rawBody: '{"subscribedSubdomain": "acme"' },
  { name: 'a text/plain body', rawBody: JSON.stringify(payload({})), contentType: 'text/plain' },
  { name: 'an empty body', rawBody: '' },
  { name: 'a 2 MB body', rawBody: JSON.stringify(payload({ padding: 'x'.repeat(2 * 1024 * 1024) })) }
]

const tenantRoutes = () => app.sandbox.cf.snapshot().routes.filter(route => route.labels['tenant-hub/tenant-id'])

describe('the provisioning endpoint refuses bad input and changes nothing', () => {
  beforeAll(() => app.reset())

  test.each(cases.map(c => [c.name, c] as const))('%s → 4xx with a message, nothing created', async (_name, bad) => {
    app.sandbox.counter.reset()
    const token = app.sandbox.xsuaa.issueClientToken({ role: 'saas-registry' })
    const tenant = bad.tenant ?? VALID_TENANT
    const res = await axios.put(`/-/cds/saas-provisioning/tenant/${tenant}`, bad.rawBody ?? JSON.stringify(bad.body), {
      headers: { authorization: `Bearer ${token}`, 'content-type': bad.contentType ?? 'application/json' },
      maxBodyLength: Infinity,
      transformRequest: [(data: unknown) => data]
    })
    const message = typeof res.data === 'string' ? res.data : res.data?.error?.message
    expect(message).toEqual(expect.any(String))
    expect(message.length).toBeGreaterThan(0)
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)

    expect(app.sandbox.counter.count('cf')).toBe(0)
    expect(tenantRoutes()).toEqual([])
    const stored = await axios.get('/-/cds/saas-provisioning/tenant', { headers: { authorization: `Bearer ${token}` } })
    expect(stored.data).toEqual([])
  })
})
