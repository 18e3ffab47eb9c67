import { AUDITOR_USER, CF_SEED } from '../../sandbox/cf/index.js'
import { CfOpenApi } from './helpers/cf-openapi.js'
import {
  goVcrRecording,
  nockRecording,
  replayTarget,
  substitute,
  type RecordedExchange
} from './helpers/cf-recordings.js'
import { shapeDifferences } from './helpers/cf-shape.js'
import { request, startCfTestLandscape, type Answer, type CfTestLandscape } from './helpers/cf-test-sandbox.js'

/**
 * Replays requests recorded against real BTP Cloud Foundry (terraform-provider-cloudfoundry go-vcr cassettes,
 * mtx-tool nock fixtures) with the recording's ids replaced by the sandbox's, and compares status, the headers
 * that matter, the body's structure and the pagination links with what BTP answered.
 */

/** Recorded ids and names → the sandbox's seeded ones. */
const SUBSTITUTIONS: Readonly<Record<string, string>> = {
  '795a961c-6360-479a-9666-fff9cb906aad': CF_SEED.space.guid,
  '02c0cc92-6ecc-44b1-b7b2-096ca19ee143': CF_SEED.space.guid,
  '0215304c-3d6f-4f02-ae4f-a9bd6a9d46e9': CF_SEED.space.guid,
  'tf-space-1': CF_SEED.space.name,
  '784b4cd0-4771-4e4d-9052-a07e178bae56': CF_SEED.org.guid,
  PerformanceTeamBLR: CF_SEED.org.name,
  '440e24e5-ee11-41d9-a996-2ed0a1e2deea': CF_SEED.certDomain.guid,
  'cert.cfapps.stagingazure.hanavlab.ondemand.com': CF_SEED.certDomain.name,
  '15a74002-cf3a-4bf2-b76f-fe96867c46ee': CF_SEED.srvApp.guid,
  '5cccc504-4911-43ef-a531-31cbf2b89939': CF_SEED.srvApp.guid,
  '24a711f2-148b-4d48-b37a-90a66d6e842f': CF_SEED.approuterApp.guid,
  'tf-test-do-not-delete-nodejs': CF_SEED.srvApp.name
}

const openApi = new CfOpenApi()
let landscape: CfTestLandscape

beforeAll(async () => {
  landscape = await startCfTestLandscape()
})
afterEach(() => landscape.sandbox.reset())
afterAll(() => landscape.close())

/** Replays one recorded CF API request (token of the technical user unless given). */
async function replay(exchange: RecordedExchange, substitutions = SUBSTITUTIONS, token = landscape.techToken): Promise<Answer> {
  const body = exchange.requestBody.trim() ? JSON.parse(substitute(exchange.requestBody, substitutions)) : undefined
  return landscape.cf(exchange.method, replayTarget(exchange, substitutions), { body, token })
}

/** The assertions every replayed CF answer must pass; `mode: 'subset'` for trimmed recordings. */
function expectLikeRecording(answer: Answer, exchange: RecordedExchange, mode: 'same' | 'subset' = 'same', substitutions = SUBSTITUTIONS) {
  const recordedBody = exchange.responseBody ? JSON.parse(exchange.responseBody) : undefined
  expect(shapeDifferences(recordedBody, answer.json, mode)).toEqual([])
  expect(answer.headers.get('content-type')).toBe(exchange.responseHeaders['content-type'])
  expect(answer.headers.get('x-vcap-request-id')).toMatch(/^[\da-f-]{36}::[\da-f-]{36}$/)
  if (recordedBody?.pagination) {
    const recordedLinks = substitute(JSON.stringify(linkQueries(recordedBody.pagination)), substitutions)
    expect(JSON.stringify(linkQueries(answer.json.pagination))).toBe(recordedLinks)
  }
  // `GET /` (global discovery) is outside the v3 spec
  if (exchange.url.pathname !== '/') {
    expect(openApi.responseErrors(exchange.method, exchange.url.pathname, answer.status, answer.headers, answer.json)).toEqual([])
  }
  expect(answer.status).toBe(exchange.status)
}

/** Pagination links reduced to their query strings (hosts differ, queries must not). */
function linkQueries(pagination: Record<string, { href: string } | null | number>) {
  return ['first', 'last', 'next', 'previous'].map(key => {
    const link = pagination[key] as { href: string } | null
    return link && new URL(link.href).search
  })
}

async function completedJob(location: string): Promise<Answer> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const job = await request('GET', location, { token: landscape.techToken })
    if (job.json?.state !== 'PROCESSING') return job
    await new Promise(resolve => setTimeout(resolve, 10))
  }
  throw new Error(`job ${location} did not finish`)
}

describe('replaying terraform-provider-cloudfoundry recordings', () => {
  test('route CRUD: create, map destinations, relabel, delete through a job that completes', async () => {
    const recording = goVcrRecording('resource_route_crud')
    const substitutions = { ...SUBSTITUTIONS }
    for (const exchange of recording) {
      const isJob = exchange.url.pathname.startsWith('/v3/jobs/')
      const answer = isJob ? await completedJob(`${landscape.sandbox.cf.url}${replayTarget(exchange, substitutions)}`) : await replay(exchange, substitutions)
      expectLikeRecording(answer, exchange, 'same', substitutions)

      if (exchange.method === 'POST') substitutions[JSON.parse(exchange.responseBody).guid] = answer.json.guid
      if (exchange.method === 'PATCH' && exchange.url.pathname.split('/').length === 4) {
        expect(answer.json.metadata).toEqual(JSON.parse(exchange.responseBody).metadata)
      }
      if (exchange.method === 'DELETE') {
        expect(answer.text).toBe('')
        const recordedJob = new URL(exchange.responseHeaders.location).pathname
        const location = answer.headers.get('location')!
        expect(location).toMatch(new RegExp(`^${landscape.sandbox.cf.url}/v3/jobs/[\\da-f-]{36}$`))
        substitutions[recordedJob] = new URL(location).pathname
      }
    }
    const deleted = substitutions['298d344f-5460-4495-80fd-aeb02adcf55b']
    expect((await landscape.cf('GET', `/v3/routes/${deleted}`)).status).toBe(404)
  })

  test('an invalid domain guid is refused with the recorded 422', async () => {
    const [exchange] = goVcrRecording('resource_route_invalid')
    const answer = await replay(exchange)
    expect(answer.json).toEqual(JSON.parse(exchange.responseBody))
    expectLikeRecording(answer, exchange)
  })

  test('routes by domain and space list what BTP lists', async () => {
    const { store } = landscape.sandbox
    for (const [host, path] of [['hahadban2-accountable-jackal-fn', ''], ['hahadban3', ''], ['testing123', '/bruh']]) {
      const route = store.createRoute({ host, path, spaceGuid: CF_SEED.space.guid, domainGuid: CF_SEED.certDomain.guid })
      store.insertDestinations(route.guid, [{ appGuid: CF_SEED.srvApp.guid }, { appGuid: CF_SEED.approuterApp.guid, port: 36001 }])
    }
    const exchange = goVcrRecording('datasource_route')[0]
    const answer = await replay(exchange)
    expect(answer.json.resources.map((r: { url: string }) => r.url)).toEqual(
      JSON.parse(substitute(exchange.responseBody, SUBSTITUTIONS)).resources.map((r: { url: string }) => r.url)
    )
    expectLikeRecording(answer, exchange)
  })

  test('a domain is found by name', async () => {
    const exchange = goVcrRecording('datasource_domain').find(e => e.url.pathname === '/v3/domains')!
    const answer = await replay(exchange)
    expect(answer.json.resources[0].name).toBe(CF_SEED.certDomain.name)
    expectLikeRecording(answer, exchange)
  })

  test('org, space and app are found by name', async () => {
    const recording = goVcrRecording('datasource_app_bits')
    for (const path of ['/v3/organizations', '/v3/spaces', '/v3/apps']) {
      const exchange = recording.find(e => e.url.pathname === path)!
      const answer = await replay(exchange)
      expect(answer.json.pagination.total_results).toBe(1)
      expectLikeRecording(answer, exchange)
    }
  })

  test('an unknown app name gives an empty list', async () => {
    const exchange = goVcrRecording('datasource_app_invalid_app_name').find(e => e.url.pathname === '/v3/apps')!
    const answer = await replay(exchange)
    expect(answer.json.resources).toEqual([])
    expectLikeRecording(answer, exchange)
  })

  test('an unknown organization guid is 404 Organization not found', async () => {
    const [exchange] = goVcrRecording('datasource_space_invalid_org')
    const answer = await replay(exchange)
    expect(answer.json).toEqual(JSON.parse(exchange.responseBody))
    expectLikeRecording(answer, exchange)
  })

  test('provider login: discovery, password grant without login_hint, then a CF call with that token', async () => {
    const [root, token, orgs] = goVcrRecording('provider.user_pwd')
    const discovery = await landscape.cf('GET', '/', { token: undefined })
    expectLikeRecording(discovery, root)
    expect(discovery.json.links.uaa.href).toBe(landscape.sandbox.uaa.url)

    const form = Object.fromEntries(new URLSearchParams(token.requestBody))
    const granted = await landscape.uaa('POST', token.url.pathname, {
      form: { ...form, username: AUDITOR_USER.username, password: AUDITOR_USER.password },
      headers: { authorization: token.requestHeaders.authorization }
    })
    expect(shapeDifferences(JSON.parse(token.responseBody), granted.json)).toEqual([])
    for (const name of ['content-type', 'cache-control', 'pragma']) expect(granted.headers.get(name)).toBe(token.responseHeaders[name])
    expect(granted.json.refresh_token).toMatch(/^[\da-f]{32}-r$/)
    expect(granted.status).toBe(token.status)

    expectLikeRecording(await replay(orgs, SUBSTITUTIONS, granted.json.access_token), orgs)
  })

  test('refresh grant with Basic Y2Y6 answers like BTP and keeps the refresh token', async () => {
    const exchange = goVcrRecording('datasource_app_bits')[0]
    const login = await landscape.uaa('POST', '/oauth/token', {
      form: { grant_type: 'password', username: AUDITOR_USER.username, password: AUDITOR_USER.password },
      headers: { authorization: 'Basic Y2Y6' }
    })
    const recordedForm = new URLSearchParams(exchange.requestBody)
    const refreshed = await landscape.uaa('POST', exchange.url.pathname, {
      form: { grant_type: recordedForm.get('grant_type')!, refresh_token: login.json.refresh_token },
      headers: { authorization: exchange.requestHeaders.authorization }
    })
    expect(shapeDifferences(JSON.parse(exchange.responseBody), refreshed.json)).toEqual([])
    expect(refreshed.json.refresh_token).toBe(login.json.refresh_token)
    for (const name of ['content-type', 'cache-control', 'pragma']) expect(refreshed.headers.get(name)).toBe(exchange.responseHeaders[name])
    expect(refreshed.status).toBe(200)
  })
})

describe('replaying mtx-tool recordings', () => {
  test('apps of a space', async () => {
    const [exchange] = nockRecording('cf-apps-list')
    const answer = await replay(exchange)
    expect(answer.json.resources.map((a: { name: string }) => a.name)).toEqual([CF_SEED.approuterApp.name, CF_SEED.srvApp.name])
    expectLikeRecording(answer, exchange, 'subset')
  })

  test('routes of an app with their domains included', async () => {
    const exchange = nockRecording('cds-long-list').find(e => e.url.pathname === '/v3/routes')!
    const answer = await replay(exchange)
    expect(answer.json.included.domains.map((d: { name: string }) => d.name)).toEqual([CF_SEED.sharedDomain.name])
    expectLikeRecording(answer, exchange, 'subset')
  })
})
