import { randomUUID } from 'node:crypto'
import { CF_SEED, NO_ROLE_USER } from '../../sandbox/cf/index.js'
import { CfOpenApi } from './helpers/cf-openapi.js'
import { request, startCfTestLandscape, type Answer, type CfTestLandscape, type Json } from './helpers/cf-test-sandbox.js'

const openApi = new CfOpenApi()
let landscape: CfTestLandscape

beforeAll(async () => {
  landscape = await startCfTestLandscape()
})
afterEach(() => landscape.sandbox.reset())
afterAll(() => landscape.close())

/** Routes in the seeded space, all labelled with a fresh `batch` so a test sees only its own. */
function seedRoutes(labels: Array<Record<string, string>>): { batch: string; guids: string[] } {
  const batch = randomUUID().slice(0, 8)
  const guids = labels.map(
    (extra, i) =>
      landscape.sandbox.store.createRoute({
        host: `r${i}-${batch}`,
        spaceGuid: CF_SEED.space.guid,
        domainGuid: CF_SEED.sharedDomain.guid,
        metadata: { labels: { batch, ...extra } }
      }).guid
  )
  return { batch, guids }
}

function guidsOf(answer: Answer): string[] {
  return answer.json.resources.map((r: { guid: string }) => r.guid)
}

function expectBadQuery(answer: Answer, detail: string) {
  expect(answer.json).toEqual({ errors: [{ detail: `The query parameter is invalid: ${detail}`, title: 'CF-BadQueryParameter', code: 10005 }] })
  expect(answer.status).toBe(400)
}

describe('pagination', () => {
  test('pages are walked through absolute next links whose query keys are sorted', async () => {
    const { batch, guids } = seedRoutes([{}, {}, {}, {}, {}])
    const first = await landscape.cf('GET', `/v3/routes?per_page=2&label_selector=batch=${batch}`)
    const base = `${landscape.sandbox.cf.url}/v3/routes`
    expect(first.json.pagination).toEqual({
      total_results: 5,
      total_pages: 3,
      first: { href: `${base}?label_selector=batch%3D${batch}&page=1&per_page=2` },
      last: { href: `${base}?label_selector=batch%3D${batch}&page=3&per_page=2` },
      next: { href: `${base}?label_selector=batch%3D${batch}&page=2&per_page=2` },
      previous: null
    })
    expect(openApi.responseErrors('GET', '/v3/routes', first.status, first.headers, first.json)).toEqual([])

    const seen = guidsOf(first)
    let page: Json = first.json
    while (page.pagination.next) {
      page = (await request('GET', page.pagination.next.href, { token: landscape.techToken })).json
      seen.push(...guidsOf({ json: page } as Answer))
    }
    expect(seen).toEqual(guids)
    expect(page.pagination.previous.href).toBe(`${base}?label_selector=batch%3D${batch}&page=2&per_page=2`)
  })

  test('an empty result has one page and no neighbours', async () => {
    const answer = await landscape.cf('GET', '/v3/routes?hosts=nothing-here')
    expect(answer.json.pagination).toMatchObject({ total_results: 0, total_pages: 1, next: null, previous: null })
    expect(answer.json.pagination.first.href).toBe(`${landscape.sandbox.cf.url}/v3/routes?hosts=nothing-here&page=1&per_page=50`)
  })

  test('page and per_page are validated like CC', async () => {
    expectBadQuery(await landscape.cf('GET', '/v3/routes?per_page=5001'), 'Per page must be between 1 and 5000')
    expectBadQuery(await landscape.cf('GET', '/v3/routes?per_page=0&page=abc'), 'Page must be a positive integer, Per page must be a positive integer')
  })

  test('order_by sorts and appears in the links; other fields are refused', async () => {
    const [created] = seedRoutes([{}]).guids
    const newestFirst = await landscape.cf('GET', '/v3/routes?order_by=-created_at')
    expect(guidsOf(newestFirst)).toEqual([created, CF_SEED.srvRoute.guid])
    expect(new URL(newestFirst.json.pagination.first.href).search).toBe('?order_by=-created_at&page=1&per_page=50')
    expect(guidsOf(await landscape.cf('GET', '/v3/routes?order_by=created_at'))).toEqual([CF_SEED.srvRoute.guid, created])
    expectBadQuery(await landscape.cf('GET', '/v3/routes?order_by=host'), "Order by can only be: 'created_at', 'updated_at'")
  })
})

describe('filters', () => {
  test('label selectors: equality, sets, existence, negation and AND', async () => {
    const { batch, guids } = seedRoutes([{ tenant: 'a', env: 'prod' }, { tenant: 'b', env: 'dev' }, { tenant: 'c' }])
    const [a, b, c] = guids
    const select = async (selector: string) =>
      guidsOf(await landscape.cf('GET', `/v3/routes?label_selector=${encodeURIComponent(`batch=${batch},${selector}`)}`))
    expect(await select('tenant=a')).toEqual([a])
    expect(await select('tenant==b')).toEqual([b])
    expect(await select('tenant!=a')).toEqual([b, c])
    expect(await select('tenant in (a,c)')).toEqual([a, c])
    expect(await select('tenant notin (a,c)')).toEqual([b])
    expect(await select('env')).toEqual([a, b])
    expect(await select('!env')).toEqual([c])
    expect(await select('env=prod,tenant=b')).toEqual([])
  })

  test('malformed label selectors are refused with CC parser text', async () => {
    expectBadQuery(await landscape.cf('GET', '/v3/routes?label_selector=env='), 'expecting a value, got "env=<<>>"')
    expectBadQuery(await landscape.cf('GET', `/v3/routes?label_selector=${encodeURIComponent('env in prod')}`), `expecting a '(', got "env in <<prod>>"`)
    expectBadQuery(await landscape.cf('GET', '/v3/routes?label_selector='), 'empty label selector not allowed')
  })

  test('comma lists OR their values; a percent-encoded comma stays inside one value', async () => {
    const app = landscape.sandbox.store.createApp({ name: 'alpha,beta', spaceGuid: CF_SEED.space.guid })
    const byNames = (names: string) => landscape.cf('GET', `/v3/apps?names=${names}`)
    expect(guidsOf(await byNames('alpha%2Cbeta'))).toEqual([app.guid])
    expect(guidsOf(await byNames('alpha,beta'))).toEqual([])
    const both = await byNames(`${CF_SEED.srvApp.name},${CF_SEED.approuterApp.name}`)
    expect(guidsOf(both)).toEqual([CF_SEED.approuterApp.guid, CF_SEED.srvApp.guid])
    // CC re-escapes the comma inside a value before Rails escapes the whole value again
    expect(new URL((await byNames('alpha%2Cbeta')).json.pagination.first.href).search).toBe('?names=alpha%252Cbeta&page=1&per_page=50')
  })

  test('names match case-insensitively, hosts exactly', async () => {
    expect(guidsOf(await landscape.cf('GET', `/v3/apps?names=${CF_SEED.srvApp.name.toUpperCase()}`))).toEqual([CF_SEED.srvApp.guid])
    expect(guidsOf(await landscape.cf('GET', `/v3/domains?names=${CF_SEED.certDomain.name.toUpperCase()}`))).toEqual([CF_SEED.certDomain.guid])
    expect(guidsOf(await landscape.cf('GET', `/v3/routes?hosts=${CF_SEED.srvRoute.host.toUpperCase()}`))).toEqual([])
  })

  test('routes filter by space, domain, organization, app, path and guid', async () => {
    const routeFilter = async (query: string) => guidsOf(await landscape.cf('GET', `/v3/routes?${query}`))
    const seeded = [CF_SEED.srvRoute.guid]
    expect(await routeFilter(`space_guids=${CF_SEED.space.guid}&domain_guids=${CF_SEED.sharedDomain.guid}`)).toEqual(seeded)
    expect(await routeFilter(`organization_guids=${CF_SEED.org.guid}`)).toEqual(seeded)
    expect(await routeFilter(`app_guids=${CF_SEED.srvApp.guid}`)).toEqual(seeded)
    expect(await routeFilter(`app_guids=${CF_SEED.approuterApp.guid}`)).toEqual([])
    expect(await routeFilter(`paths=&guids=${CF_SEED.srvRoute.guid}`)).toEqual(seeded)
    expect(await routeFilter(`domain_guids=${CF_SEED.certDomain.guid}`)).toEqual([])
  })

  test('include=space.organization adds the spaces and organizations of the page', async () => {
    const answer = await landscape.cf('GET', '/v3/routes?include=space.organization')
    expect(answer.json.included.spaces.map((s: { guid: string }) => s.guid)).toEqual([CF_SEED.space.guid])
    expect(answer.json.included.organizations.map((o: { name: string }) => o.name)).toEqual([CF_SEED.org.name])
    expect(openApi.responseErrors('GET', '/v3/routes', answer.status, answer.headers, answer.json)).toEqual([])
    expectBadQuery(await landscape.cf('GET', '/v3/routes?include=app'), "Invalid included resource: 'app'")
  })

  test('a user without roles sees shared domains but no orgs, spaces or apps', async () => {
    const token = landscape.sandbox.tokenFor(NO_ROLE_USER.username)
    for (const path of ['/v3/organizations', '/v3/spaces', '/v3/apps']) {
      expect((await landscape.cf('GET', path, { token })).json.resources).toEqual([])
    }
    expect((await landscape.cf('GET', '/v3/domains', { token })).json.pagination.total_results).toBe(2)
  })
})

describe('unknown and unsupported query parameters', () => {
  test('an unknown parameter is 400 with the list CC accepts', async () => {
    expectBadQuery(
      await landscape.cf('GET', '/v3/routes?host=x&foo=1'),
      "Unknown query parameter(s): 'host', 'foo'. Valid parameters are: 'page', 'per_page', 'order_by', 'created_ats', 'updated_ats', " +
        "'guids', 'hosts', 'space_guids', 'organization_guids', 'domain_guids', 'paths', 'app_guids', 'include', 'label_selector', " +
        "'ports', 'service_instance_guids'"
    )
  })

  test('a parameter CC knows but the sandbox does not simulate is refused loudly', async () => {
    expectBadQuery(await landscape.cf('GET', '/v3/routes?ports=8080'), "'ports' is not supported by the CF sandbox")
    expectBadQuery(await landscape.cf('GET', '/v3/apps?created_ats%5Bgt%5D=2024-01-01T00:00:00Z'), "'created_ats[gt]' is not supported by the CF sandbox")
  })

  test('a list filter given as a hash is refused like Rails does', async () => {
    expectBadQuery(await landscape.cf('GET', '/v3/routes?hosts%5Bx%5D=a'), 'Hosts must be an array')
  })

  test.each(['/v3/routes', '/v3/apps', '/v3/domains', '/v3/spaces', '/v3/organizations', '/v3/apps/{guid}/routes'])(
    'every parameter the OpenAPI spec documents for GET %s is known (served or explicitly refused)',
    async template => {
      const path = template.replace('{guid}', CF_SEED.srvApp.guid)
      for (const documented of openApi.queryParameters('GET', path)) {
        // the community spec writes CC's `created_ats[gt]` filters as `created_at[gt]`
        const name = documented.replace(/_at\[/, '_ats[')
        const answer = await landscape.cf('GET', `${path}?${encodeURIComponent(name)}=x`)
        expect(answer.json?.errors?.[0]?.detail ?? '').not.toContain('Unknown query parameter')
      }
    }
  )
})
