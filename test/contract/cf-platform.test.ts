import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { CF_ERROR_CATALOGUE, CF_SEED } from '../../sandbox/cf/index.js'
import { CF_LANDSCAPE } from '../../sandbox/identities.js'
import { createSigningKey, decodeJwt, signJwt } from '../../sandbox/kernel/index.js'
import { CfOpenApi } from './helpers/cf-openapi.js'
import { SPECS_DIR } from './helpers/cf-recordings.js'
import { startCfTestLandscape, uniqueHost, waitMs, type Answer, type CfTestLandscape } from './helpers/cf-test-sandbox.js'

const openApi = new CfOpenApi()
let landscape: CfTestLandscape

beforeAll(async () => {
  landscape = await startCfTestLandscape()
})
afterEach(() => {
  landscape.faults.clear()
  landscape.sandbox.reset()
})
afterAll(() => landscape.close())

const UNKNOWN_GUID = '00000000-0000-4000-8000-000000000000'
/** Every authenticated operation the simulator serves, as the OpenAPI spec names them. */
const AUTHENTICATED_OPERATIONS: Array<[string, string]> = [
  ['GET', '/v3/organizations'],
  ['GET', `/v3/organizations/${CF_SEED.org.guid}`],
  ['GET', '/v3/spaces'],
  ['GET', `/v3/spaces/${CF_SEED.space.guid}`],
  ['GET', '/v3/domains'],
  ['GET', `/v3/domains/${CF_SEED.sharedDomain.guid}`],
  ['GET', `/v3/domains/${CF_SEED.sharedDomain.guid}/route_reservations`],
  ['GET', '/v3/apps'],
  ['GET', `/v3/apps/${CF_SEED.srvApp.guid}`],
  ['GET', `/v3/apps/${CF_SEED.srvApp.guid}/routes`],
  ['GET', '/v3/routes'],
  ['POST', '/v3/routes'],
  ['GET', `/v3/routes/${CF_SEED.srvRoute.guid}`],
  ['PATCH', `/v3/routes/${CF_SEED.srvRoute.guid}`],
  ['DELETE', `/v3/routes/${CF_SEED.srvRoute.guid}`],
  ['GET', `/v3/routes/${CF_SEED.srvRoute.guid}/destinations`],
  ['POST', `/v3/routes/${CF_SEED.srvRoute.guid}/destinations`],
  ['PATCH', `/v3/routes/${CF_SEED.srvRoute.guid}/destinations`],
  ['DELETE', `/v3/routes/${CF_SEED.srvRoute.guid}/destinations/${UNKNOWN_GUID}`],
  ['GET', `/v3/jobs/${UNKNOWN_GUID}`]
]

function expectCfError(answer: Answer, status: number, code: number, title: string, detail: string) {
  expect(answer.json).toEqual({ errors: [{ detail, title, code }] })
  expect(answer.headers.get('x-vcap-request-id')).toMatch(/::/)
  expect(answer.status).toBe(status)
}

/** A GET on a raw socket, to see transport errors as Node reports them. */
function rawGet(url: string, token: string): Promise<{ status?: number; errorCode?: string }> {
  return new Promise(resolve => {
    const req = httpRequest(url, { headers: { authorization: `bearer ${token}` } }, res => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode }))
    })
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ errorCode: err.code }))
    req.end()
  })
}

describe('authentication', () => {
  test.each(AUTHENTICATED_OPERATIONS)('%s %s without a token is 401 CF-NotAuthenticated, as the spec requires a bearer token', async (method, path) => {
    expect(openApi.requiresBearerToken(method, path)).toBe(true)
    const answer = await landscape.cf(method, path, { token: undefined })
    expectCfError(answer, 401, 10002, 'CF-NotAuthenticated', 'Authentication error')
    expect(openApi.responseErrors(method, path, answer.status, answer.headers, answer.json)).toEqual([])
  })

  test('a tampered, foreign or malformed token is 401 CF-InvalidAuthToken', async () => {
    const [header, , signature] = landscape.techToken.split('.')
    const claims = decodeJwt(landscape.techToken)!
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, user_id: 'someone-else' })).toString('base64url')}.${signature}`
    const foreign = signJwt(claims, createSigningKey('not-the-uaa'))
    for (const token of [tampered, foreign, 'not-a-jwt']) {
      expectCfError(await landscape.cf('GET', '/v3/routes', { token }), 401, 1000, 'CF-InvalidAuthToken', 'Invalid Auth Token')
    }
  })

  test('an expired token is 401 CF-InvalidAuthToken', async () => {
    const shortLived = await startCfTestLandscape({ tokenLifetimeSeconds: 1 })
    try {
      expect((await shortLived.cf('GET', '/v3/routes')).status).toBe(200)
      await waitMs(2100)
      expectCfError(await shortLived.cf('GET', '/v3/routes'), 401, 1000, 'CF-InvalidAuthToken', 'Invalid Auth Token')
    } finally {
      await shortLived.close()
    }
  })
})

describe('rate limiting', () => {
  let limited: CfTestLandscape
  beforeAll(async () => {
    limited = await startCfTestLandscape({ rateLimit: { limit: 10, resetSeconds: 60 } })
  })
  afterAll(() => limited.close())

  test('authenticated calls carry X-RateLimit headers; the call after the limit is 429 with Retry-After', async () => {
    const startedAt = Math.floor(Date.now() / 1000)
    const remaining: string[] = []
    for (let i = 0; i < 10; i++) {
      const answer = await limited.cf('GET', '/v3/routes')
      expect(answer.headers.get('x-ratelimit-limit')).toBe('10')
      expect(Number(answer.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(startedAt + 59)
      expect(openApi.responseErrors('GET', '/v3/routes', answer.status, answer.headers, answer.json)).toEqual([])
      remaining.push(answer.headers.get('x-ratelimit-remaining')!)
    }
    expect(remaining).toEqual(['9', '8', '7', '6', '5', '4', '3', '2', '1', '0'])

    const refused = await limited.cf('GET', '/v3/routes')
    expect(refused.text).toBe('{"errors":[{"detail":"Rate Limit Exceeded","title":"CF-RateLimitExceeded","code":10013}]}')
    expect(refused.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(refused.status).toBe(429)

    const other = await limited.cf('GET', '/v3/routes', { token: limited.sandbox.tokenFor('space-auditor@example.com') })
    expect(other.status).toBe(200)
    for (const path of ['/', '/v3']) {
      const open = await limited.cf('GET', path)
      expect(open.headers.get('x-ratelimit-limit')).toBeNull()
      expect(open.status).toBe(200)
    }
  })
})

describe('injected faults', () => {
  test('a reset fault drops the connection (ECONNRESET), the next call is answered', async () => {
    landscape.faults.add({ simulator: 'cf', endpoint: 'GET /v3/routes', reset: true })
    expect(await rawGet(`${landscape.sandbox.cf.url}/v3/routes`, landscape.techToken)).toEqual({ errorCode: 'ECONNRESET' })
    expect(await rawGet(`${landscape.sandbox.cf.url}/v3/routes`, landscape.techToken)).toEqual({ status: 200 })
  })

  test('an injected 429 carries Retry-After and the rate-limit envelope', async () => {
    landscape.faults.add({ simulator: 'cf', endpoint: 'POST /v3/routes', status: 429, retryAfter: 7 })
    const answer = await landscape.cf('POST', '/v3/routes', { body: {} })
    expect(JSON.parse(answer.text)).toEqual({ errors: [{ detail: 'Rate Limit Exceeded', title: 'CF-RateLimitExceeded', code: 10013 }] })
    expect(answer.headers.get('retry-after')).toBe('7')
    expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(answer.status).toBe(429)
  })

  test('injected server errors come in the CF envelope', async () => {
    landscape.faults.add({ simulator: 'cf', endpoint: '/v3/routes', status: 503, times: 2 })
    expectCfError(await landscape.cf('GET', '/v3/routes'), 503, 10015, 'CF-ServiceUnavailable', 'Service Unavailable')
    landscape.faults.add({ simulator: 'cf', endpoint: '/v3/apps', status: 500 })
    expectCfError(await landscape.cf('GET', '/v3/apps'), 500, 10001, 'UnknownError', 'An unknown error occurred.')
  })
})

describe('discovery and unknown requests', () => {
  test('GET / and GET /v3 answer without a token and point at this CC and its UAA', async () => {
    const root = await landscape.cf('GET', '/', { token: undefined })
    expect(root.json.links).toMatchObject({
      self: { href: landscape.sandbox.cf.url },
      cloud_controller_v3: { href: `${landscape.sandbox.cf.url}/v3`, meta: { version: '3.159.0' } },
      login: { href: landscape.sandbox.uaa.url },
      uaa: { href: landscape.sandbox.uaa.url },
      routing: null
    })
    expect(root.headers.get('content-type')).toBe('application/json;charset=utf-8')
    const v3 = await landscape.cf('GET', '/v3', { token: undefined })
    expect(v3.json.links.routes).toEqual({ href: `${landscape.sandbox.cf.url}/v3/routes` })
    expect(v3.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(openApi.responseErrors('GET', '/v3', v3.status, v3.headers, v3.json)).toEqual([])
    expect((await landscape.cf('GET', '/v3/info', { token: undefined })).json.rate_limits).toEqual({
      enabled: false,
      general_limit: 0,
      reset_interval_in_minutes: 0
    })
  })

  test('unknown paths, unrouted methods and the SDK CSRF HEAD probe are 404 Unknown request', async () => {
    expectCfError(await landscape.cf('GET', '/v3/nothing'), 404, 10000, 'CF-NotFound', 'Unknown request')
    expectCfError(await landscape.cf('PUT', '/v3/routes'), 404, 10000, 'CF-NotFound', 'Unknown request')
    const head = await fetch(`${landscape.sandbox.cf.url}/v3/routes`, { method: 'HEAD', headers: { authorization: `bearer ${landscape.techToken}` } })
    expect(head.headers.get('x-vcap-request-id')).toMatch(/::/)
    expect(head.status).toBe(404)
  })

  test('every error the simulator raises matches its entry in errors/v2.yml', () => {
    const catalogue = parseYaml(readFileSync(join(SPECS_DIR, 'cf/errors-v2.yml'), 'utf8'), { uniqueKeys: false }) as Record<string, { name: string; http_code: number; message: string }>
    for (const [name, entry] of Object.entries(CF_ERROR_CATALOGUE)) {
      expect({ name: catalogue[entry.code]?.name, http_code: catalogue[entry.code]?.http_code, message: catalogue[entry.code]?.message }).toEqual({
        name,
        http_code: entry.httpCode,
        message: entry.message
      })
    }
  })
})

describe('sandbox control', () => {
  test('snapshot shows created routes with url, labels and apps; reset returns to the seed', async () => {
    const host = uniqueHost('snap')
    const postsBefore = landscape.counter.count('cf', 'POST /v3/routes')
    const created = await landscape.cf('POST', '/v3/routes', {
      body: {
        host,
        relationships: { space: { data: { guid: CF_SEED.space.guid } }, domain: { data: { guid: CF_SEED.sharedDomain.guid } } },
        metadata: { labels: { tenant: 't1' } }
      }
    })
    await landscape.cf('POST', `/v3/routes/${created.json.guid}/destinations`, { body: { destinations: [{ app: { guid: CF_SEED.approuterApp.guid } }] } })
    expect(landscape.sandbox.snapshot().routes).toContainEqual({
      guid: created.json.guid,
      host,
      url: `${host}.${CF_LANDSCAPE.sharedDomain}`,
      domain: CF_LANDSCAPE.sharedDomain,
      labels: { tenant: 't1' },
      appGuids: [CF_SEED.approuterApp.guid],
      spaceGuid: CF_SEED.space.guid
    })
    expect(landscape.counter.count('cf', 'POST /v3/routes') - postsBefore).toBe(1)

    landscape.sandbox.reset()
    expect(landscape.sandbox.snapshot().routes.map(r => r.guid)).toEqual([CF_SEED.srvRoute.guid])
    expect((await landscape.cf('GET', `/v3/routes/${created.json.guid}`)).status).toBe(404)
  })
})
