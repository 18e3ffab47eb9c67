import { CF_SEED } from '../../sandbox/cf/index.js'
import { decodeJwt } from '../../sandbox/kernel/index.js'
import { DEMO_TENANTS, XSAPPNAME } from '../../sandbox/identities.js'
import { startSandbox, type Sandbox } from '../../sandbox/sandbox.js'

let sandbox: Sandbox
let control: string
beforeAll(async () => {
  sandbox = await startSandbox()
  control = sandbox.endpoints().control
})
afterAll(() => sandbox.stop())
beforeEach(() => sandbox.reset())

const json = (method: string, url: string, body?: unknown) =>
  fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })

interface State {
  endpoints: Record<string, string>
  routes: Array<{ guid: string; host: string; url: string; labels: Record<string, string>; appGuids: string[] }>
  calls: Record<string, Record<string, number>>
  faults: unknown[]
}
const state = async (): Promise<State> => (await fetch(`${control}/state`)).json() as Promise<State>

describe('sandbox control surface over HTTP', () => {
  test('GET /state shows the endpoints, the routes with their app mappings, and the calls per simulator', async () => {
    await fetch(`${sandbox.endpoints().cf}/v3`)
    const current = await state()
    expect(current.endpoints).toMatchObject({ cf: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), xsuaa: expect.stringMatching(/^https:/) })
    expect(current.routes).toContainEqual(expect.objectContaining({ host: 'tenant-hub-srv', url: 'tenant-hub-srv.cfapps.sandbox.localhost', appGuids: [expect.any(String)] }))
    expect(current.calls.cf).toEqual({ 'GET /v3': 1 })
  })

  test('an injected fault answers the next matching call with its status and Retry-After, then stops', async () => {
    const added = await json('POST', `${control}/faults`, { simulator: 'cf', endpoint: 'GET /v3', status: 429, retryAfter: 7, times: 1 })
    expect(added.status).toBe(201)
    const faulted = await fetch(`${sandbox.endpoints().cf}/v3`)
    expect(faulted.headers.get('retry-after')).toBe('7')
    expect(faulted.status).toBe(429)
    expect((await fetch(`${sandbox.endpoints().cf}/v3`)).status).toBe(200)
    expect((await state()).faults).toEqual([])
  })

  test.each(['reset', 'stall'] as const)('a bodyCut fault (%s) sends the headers and half the body, then no more', async cut => {
    const whole = (await (await fetch(`${sandbox.endpoints().cf}/v3`)).text()).length
    await json('POST', `${control}/faults`, { simulator: 'cf', endpoint: 'GET /v3', bodyCut: cut, times: 1 })
    const res = await fetch(`${sandbox.endpoints().cf}/v3`, { signal: AbortSignal.timeout(1_000) })
    expect(res.status).toBe(200)
    expect(Number(res.headers.get('content-length'))).toBe(whole)
    let received = 0
    const reader = res.body!.getReader()
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read()
          if (done) return
          received += value.length
        }
      })()
    ).rejects.toThrow(cut === 'stall' ? /abort|timeout/i : /terminated|reset|closed/i)
    expect(received).toBe(Math.floor(whole / 2))
  })

  test('a fault without an effect is refused with 400 saying what it needs', async () => {
    const res = await json('POST', `${control}/faults`, { simulator: 'cf', times: 2 })
    const body = (await res.json()) as { error: { message: string } }
    expect(body.error.message).toMatch(/status.*reset.*malformed.*delayMs/)
    expect(res.status).toBe(400)
  })

  test('POST /calls/reset zeroes the counters and POST /reset also drops faults and created routes', async () => {
    await json('POST', `${control}/faults`, { simulator: 'cis', status: 500, times: 5 })
    sandbox.cf.store.createRoute({ host: 'leftover', spaceGuid: CF_SEED.space.guid, domainGuid: CF_SEED.sharedDomain.guid })
    await fetch(`${sandbox.endpoints().cf}/v3`)
    expect((await json('POST', `${control}/calls/reset`)).status).toBe(204)
    expect((await state()).calls).toEqual({})
    expect((await json('POST', `${control}/reset`)).status).toBe(204)
    const after = await state()
    expect(after.faults).toEqual([])
    expect(after.routes.map(r => r.host)).toEqual(['tenant-hub-srv'])
  })

  test('POST /tokens/user mints a user token of the tenant zone with the asked scopes', async () => {
    const res = await json('POST', `${control}/tokens/user`, { tenant: 'acme', scopes: ['Viewer', 'Admin'] })
    const { access_token } = (await res.json()) as { access_token: string }
    const claims = decodeJwt(access_token)!
    expect(claims).toMatchObject({ zid: DEMO_TENANTS[0].tenantId, ext_attr: expect.objectContaining({ zdn: 'acme' }) })
    expect(claims.scope).toEqual(expect.arrayContaining([`${XSAPPNAME}.Viewer`, `${XSAPPNAME}.Admin`]))
  })

  test('POST /tokens/user for an unknown tenant is 404 with a hint', async () => {
    const res = await json('POST', `${control}/tokens/user`, { tenant: 'nobody-here' })
    const body = (await res.json()) as { error: { message: string } }
    expect(body.error.message).toMatch(/subscribe it first/)
    expect(res.status).toBe(404)
  })

  test('PUT /destinations replaces a destination of a tenant; a name mismatch is refused', async () => {
    const provider = sandbox.xsuaa.zones.provider.tenantId
    const mismatch = await json('PUT', `${control}/destinations/${provider}/CFAPI`, { Name: 'OTHER', Type: 'HTTP' })
    expect(mismatch.status).toBe(400)
    const put = await json('PUT', `${control}/destinations/${provider}/EXTRA`, { Name: 'EXTRA', Type: 'HTTP', URL: 'http://127.0.0.1:1', Authentication: 'NoAuthentication' })
    expect(put.status).toBe(204)
    expect(sandbox.destination.store.list(sandbox.destination.subaccountLevel()).map(d => d.Name)).toContain('EXTRA')
    expect((await json('DELETE', `${control}/destinations/${provider}/EXTRA`)).status).toBe(204)
    expect((await json('DELETE', `${control}/destinations/${provider}/EXTRA`)).status).toBe(404)
  })
})
