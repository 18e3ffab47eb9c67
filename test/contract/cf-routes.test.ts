import { AUDITOR_USER, CF_SEED, DEFAULT_CF_USERS, NO_ROLE_USER, type CfUserConfig } from '../../sandbox/cf/index.js'
import { CfOpenApi } from './helpers/cf-openapi.js'
import { request, startCfTestLandscape, uniqueHost, waitMs, type Answer, type CfTestLandscape } from './helpers/cf-test-sandbox.js'

const JOB_DURATION_MS = 1_000 // long enough that the job is still PROCESSING when the test looks, even on a loaded machine
/** Developer in the seeded space and in the foreign one, to map apps across spaces. */
const TWO_SPACE_DEVELOPER: CfUserConfig = {
  username: 'two-spaces@example.com',
  password: 'sandbox-two-spaces-password',
  origin: 'uaa',
  guid: '5b9c1d3e-8a0f-4c2b-9d4e-6f8a0b2c4d46',
  spaceRoles: [
    { spaceGuid: CF_SEED.space.guid, type: 'space_developer' },
    { spaceGuid: CF_SEED.foreignSpace.guid, type: 'space_developer' }
  ]
}

const openApi = new CfOpenApi()
let landscape: CfTestLandscape

beforeAll(async () => {
  landscape = await startCfTestLandscape({ jobDurationMs: JOB_DURATION_MS, users: [...DEFAULT_CF_USERS, TWO_SPACE_DEVELOPER] })
})
afterEach(() => landscape.sandbox.reset())
afterAll(() => landscape.close())

function routeBody(host: string, options: { path?: string; spaceGuid?: string; domainGuid?: string; labels?: Record<string, string> } = {}) {
  return {
    host,
    ...(options.path !== undefined ? { path: options.path } : {}),
    relationships: {
      space: { data: { guid: options.spaceGuid ?? CF_SEED.space.guid } },
      domain: { data: { guid: options.domainGuid ?? CF_SEED.sharedDomain.guid } }
    },
    metadata: { labels: options.labels ?? {} }
  }
}

function createRoute(body: object, token = landscape.techToken): Promise<Answer> {
  return landscape.cf('POST', '/v3/routes', { body, token })
}

/** A route in the other customer's space, created without the API (the technical user cannot write there). */
function foreignRoute(host: string, path = '') {
  return landscape.sandbox.store.createRoute({ host, path, spaceGuid: CF_SEED.foreignSpace.guid, domainGuid: CF_SEED.sharedDomain.guid })
}

function expectCfError(answer: Answer, status: number, code: number, detail: string) {
  expect(answer.json).toEqual({ errors: [{ detail, title: expect.stringMatching(/^CF-/), code }] })
  expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(answer.status).toBe(status)
}

describe('creating routes', () => {
  test('a new route answers 201 with its url, labels and no destinations, and can be read back', async () => {
    const host = uniqueHost('acme')
    const created = await createRoute(routeBody(host, { labels: { tenant: 't1' } }))
    expect(created.json).toMatchObject({
      host,
      path: '',
      port: null,
      protocol: 'http',
      url: `${host}.${CF_SEED.sharedDomain.name}`,
      destinations: [],
      metadata: { labels: { tenant: 't1' }, annotations: {} },
      relationships: { space: { data: { guid: CF_SEED.space.guid } }, domain: { data: { guid: CF_SEED.sharedDomain.guid } } }
    })
    expect(created.json).not.toHaveProperty('options')
    expect(created.json.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(openApi.responseErrors('POST', '/v3/routes', created.status, created.headers, created.json)).toEqual([])
    expect(created.status).toBe(201)

    const read = await landscape.cf('GET', `/v3/routes/${created.json.guid}`)
    expect(read.json).toEqual(created.json)
  })

  test('a host taken in another customer space is refused for the whole shared domain', async () => {
    const host = uniqueHost('taken')
    foreignRoute(host)
    expectCfError(await createRoute(routeBody(host)), 422, 10008, `Route already exists with host '${host}' for domain '${CF_SEED.sharedDomain.name}'.`)
  })

  test('a path route on a host another space uses gets CC raw uniqueness text', async () => {
    const host = uniqueHost('taken')
    foreignRoute(host)
    expectCfError(await createRoute(routeBody(host, { path: '/api' })), 422, 10008, 'domain_id and host host_and_domain_taken_different_space')
  })

  test('the same host and path twice is refused with both in the text', async () => {
    const host = uniqueHost('twice')
    expect((await createRoute(routeBody(host, { path: '/cart' }))).status).toBe(201)
    expect((await createRoute(routeBody(host))).status).toBe(201)
    expectCfError(
      await createRoute(routeBody(host, { path: '/cart' })),
      422,
      10008,
      `Route already exists with host '${host}' and path '/cart' for domain '${CF_SEED.sharedDomain.name}'.`
    )
  })

  test('a host that names an existing domain conflicts with it', async () => {
    expectCfError(await createRoute(routeBody('cert')), 422, 10008, `Route conflicts with domain 'cert.${CF_SEED.sharedDomain.name}'.`)
  })

  test('shared domains need a host, and not a wildcard one', async () => {
    expectCfError(await createRoute(routeBody('')), 422, 10008, 'Missing host. Routes in shared domains must have a host defined.')
    expectCfError(
      await createRoute(routeBody('*')),
      422,
      10008,
      'You do not have sufficient permissions to create a route with a wildcard host on a domain not scoped to an organization.'
    )
  })

  test('body validation joins every message, like Rails', async () => {
    const answer = await createRoute({ host: 'Not Valid!'.repeat(8), path: 'cart', options: {}, relationships: { space: { data: { guid: CF_SEED.space.guid } } } })
    expectCfError(
      answer,
      422,
      10008,
      [
        'Host is too long (maximum is 63 characters)',
        'Host must be either "*" or contain only alphanumeric characters, "_", or "-"',
        'Path must begin with /',
        "Unknown field(s): 'options'",
        "Relationships Domain can't be blank",
        'Relationships Domain must be structured like this: "domain: {"data": {"guid": "valid-guid"}}"'
      ].join(', ')
    )
  })

  test('missing relationships and invalid labels are 422, invalid JSON is 400 CF-MessageParseError', async () => {
    expectCfError(
      await createRoute({ host: 'x', metadata: { labels: { '': 'v', ok: 'bad value' } } }),
      422,
      10008,
      "Metadata label key error: key cannot be empty string, Metadata label value error: 'bad value' contains invalid characters, Relationships can't be blank, Relationships 'relationships' is not a hash"
    )
    const invalidJson = await fetch(`${landscape.sandbox.cf.url}/v3/routes`, {
      method: 'POST',
      headers: { authorization: `bearer ${landscape.techToken}`, 'content-type': 'application/json' },
      body: '{"host":'
    })
    expect(await invalidJson.json()).toEqual({
      errors: [{ detail: 'Request invalid due to parse error: invalid request body', title: 'CF-MessageParseError', code: 1001 }]
    })
    expect(invalidJson.status).toBe(400)
  })

  test('unknown space or domain are 422 with CC texts', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000'
    expectCfError(await createRoute(routeBody('x', { spaceGuid: unknown })), 422, 10008, 'Invalid space. Ensure that the space exists and you have access to it.')
    expectCfError(await createRoute(routeBody('x', { domainGuid: unknown })), 422, 10008, 'Invalid domain. Ensure that the domain exists and you have access to it.')
  })

  test('a user without a space role gets 403 CF-NotAuthorized and sees no routes', async () => {
    const token = landscape.sandbox.tokenFor(NO_ROLE_USER.username)
    expectCfError(await createRoute(routeBody(uniqueHost('denied')), token), 403, 10003, 'You are not authorized to perform the requested action')
    const list = await landscape.cf('GET', '/v3/routes', { token })
    expect(list.json.resources).toEqual([])
    expectCfError(await landscape.cf('GET', `/v3/routes/${CF_SEED.srvRoute.guid}`, { token }), 404, 10010, 'Route not found')
  })

  test('a space auditor reads routes but may not delete them', async () => {
    const token = landscape.sandbox.tokenFor(AUDITOR_USER.username)
    expect((await landscape.cf('GET', `/v3/routes/${CF_SEED.srvRoute.guid}`, { token })).status).toBe(200)
    expectCfError(await landscape.cf('DELETE', `/v3/routes/${CF_SEED.srvRoute.guid}`, { token }), 403, 10003, 'You are not authorized to perform the requested action')
  })
})

describe('deleting routes', () => {
  test('DELETE answers 202 with a job that completes; the route and its host stay until then', async () => {
    const host = uniqueHost('bye')
    const route = (await createRoute(routeBody(host))).json
    const accepted = await landscape.cf('DELETE', `/v3/routes/${route.guid}`)
    expect(accepted.text).toBe('')
    expect(accepted.headers.get('content-type')).toBe('text/html')
    const location = accepted.headers.get('location')!
    expect(location).toMatch(new RegExp(`^${landscape.sandbox.cf.url}/v3/jobs/[\\da-f-]{36}$`))
    expect(accepted.status).toBe(202)

    const processing = await request('GET', location, { token: landscape.techToken })
    expect(processing.json).toMatchObject({ operation: 'route.delete', state: 'PROCESSING', errors: [], warnings: [] })
    expect(processing.json.links.route.href).toBe(`${landscape.sandbox.cf.url}/v3/routes/${route.guid}`)
    expect((await landscape.cf('GET', `/v3/routes/${route.guid}`)).status).toBe(200)
    expect((await createRoute(routeBody(host))).status).toBe(422)

    await waitMs(JOB_DURATION_MS + 50)
    const complete = await request('GET', location, { token: landscape.techToken })
    expect(complete.json).toMatchObject({ state: 'COMPLETE', links: { self: { href: location } } })
    expect(complete.json.links).not.toHaveProperty('route')
    expect(openApi.responseErrors('GET', new URL(location).pathname, complete.status, complete.headers, complete.json)).toEqual([])
    expectCfError(await landscape.cf('GET', `/v3/routes/${route.guid}`), 404, 10010, 'Route not found')
    expect((await createRoute(routeBody(host))).status).toBe(201)
  })

  test('unknown routes and jobs are 404 with their resource named', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000'
    expectCfError(await landscape.cf('DELETE', `/v3/routes/${unknown}`), 404, 10010, 'Route not found')
    expectCfError(await landscape.cf('GET', `/v3/jobs/${unknown}`), 404, 10010, 'Job not found')
  })
})

describe('route destinations', () => {
  async function newRoute() {
    return (await createRoute(routeBody(uniqueHost('dst')))).json
  }

  test('inserting the same app twice maps it once and answers the complete list', async () => {
    const route = await newRoute()
    const path = `/v3/routes/${route.guid}/destinations`
    const first = await landscape.cf('POST', path, {
      body: { destinations: [{ app: { guid: CF_SEED.approuterApp.guid } }, { app: { guid: CF_SEED.approuterApp.guid } }] }
    })
    expect(first.json.destinations).toEqual([
      { guid: expect.any(String), app: { guid: CF_SEED.approuterApp.guid, process: { type: 'web' } }, weight: null, port: 8080, protocol: 'http1' }
    ])
    expect(first.json.links).toEqual({
      self: { href: `${landscape.sandbox.cf.url}${path}` },
      route: { href: `${landscape.sandbox.cf.url}/v3/routes/${route.guid}` }
    })
    expect(first.status).toBe(200)

    const again = await landscape.cf('POST', path, { body: { destinations: [{ app: { guid: CF_SEED.approuterApp.guid } }] } })
    expect(again.json.destinations).toEqual(first.json.destinations)

    const more = await landscape.cf('POST', path, { body: { destinations: [{ app: { guid: CF_SEED.srvApp.guid } }] } })
    expect(more.json.destinations.map((d: { app: { guid: string } }) => d.app.guid)).toEqual([CF_SEED.approuterApp.guid, CF_SEED.srvApp.guid])
    expect(openApi.responseErrors('POST', path, more.status, more.headers, more.json)).toEqual([])
  })

  test('replacing keeps the guid of unchanged destinations, and removal is 204 then 422', async () => {
    const route = await newRoute()
    const path = `/v3/routes/${route.guid}/destinations`
    const [kept] = (await landscape.cf('POST', path, { body: { destinations: [{ app: { guid: CF_SEED.srvApp.guid } }] } })).json.destinations
    const replaced = await landscape.cf('PATCH', path, {
      body: { destinations: [{ app: { guid: CF_SEED.srvApp.guid } }, { app: { guid: CF_SEED.approuterApp.guid, process: { type: 'web' } }, port: 9000 }] }
    })
    expect(replaced.json.destinations[0].guid).toBe(kept.guid)
    expect(replaced.json.destinations[1]).toMatchObject({ app: { guid: CF_SEED.approuterApp.guid }, port: 9000 })

    const removed = await landscape.cf('DELETE', `${path}/${kept.guid}`)
    expect(removed.text).toBe('')
    expect(removed.status).toBe(204)
    expectCfError(
      await landscape.cf('DELETE', `${path}/${kept.guid}`),
      422,
      10008,
      'Unable to unmap route from destination. Ensure the route has a destination with this guid.'
    )
    expect((await landscape.cf('GET', path)).json.destinations).toHaveLength(1)
  })

  test('apps that do not exist, cannot be seen or live in another space are refused', async () => {
    const route = await newRoute()
    const path = `/v3/routes/${route.guid}/destinations`
    const unknown = '00000000-0000-4000-8000-000000000000'
    const mapping = (appGuid: string, token = landscape.techToken) =>
      landscape.cf('POST', path, { token, body: { destinations: [{ app: { guid: appGuid } }] } })
    expectCfError(await mapping(unknown), 422, 10008, `App(s) with guid(s) "${unknown}" do not exist.`)
    expectCfError(await mapping(CF_SEED.foreignApp.guid), 422, 10008, `App(s) with guid(s) "${CF_SEED.foreignApp.guid}" you do not have access.`)
    expectCfError(
      await mapping(CF_SEED.foreignApp.guid, landscape.sandbox.tokenFor(TWO_SPACE_DEVELOPER.username)),
      422,
      10008,
      "Routes destinations must be in either the route's space or the route's shared spaces"
    )
  })

  test('an empty insert is refused, an empty replace unmaps everything', async () => {
    const path = `/v3/routes/${CF_SEED.srvRoute.guid}/destinations`
    expectCfError(
      await landscape.cf('POST', path, { body: { destinations: [] } }),
      422,
      10008,
      'Destinations must be an array containing between 1 and 100 destination objects.'
    )
    expect((await landscape.cf('PATCH', path, { body: { destinations: [] } })).json.destinations).toEqual([])
  })
})

describe('route metadata and lookups', () => {
  test('PATCH sets and removes labels', async () => {
    const route = (await createRoute(routeBody(uniqueHost('lbl'), { labels: { tenant: 't1', stale: 'yes' } }))).json
    const patched = await landscape.cf('PATCH', `/v3/routes/${route.guid}`, { body: { metadata: { labels: { stale: null, env: 'prod' } } } })
    expect(patched.json.metadata.labels).toEqual({ tenant: 't1', env: 'prod' })
    expectCfError(await landscape.cf('PATCH', `/v3/routes/${route.guid}`, { body: { host: 'other' } }), 422, 10008, "Unknown field(s): 'host'")
  })

  test('routes of an app, and 404 App not found for an unknown one', async () => {
    const answer = await landscape.cf('GET', `/v3/apps/${CF_SEED.srvApp.guid}/routes`)
    expect(answer.json.resources.map((r: { guid: string }) => r.guid)).toEqual([CF_SEED.srvRoute.guid])
    expect(new URL(answer.json.pagination.first.href).search).toBe(`?app_guids=${CF_SEED.srvApp.guid}&page=1&per_page=50`)
    expectCfError(await landscape.cf('GET', '/v3/apps/00000000-0000-4000-8000-000000000000/routes'), 404, 10010, 'App not found')
  })

  test('route reservations tell whether a host is taken anywhere on the domain', async () => {
    const host = uniqueHost('resv')
    const reservation = () => landscape.cf('GET', `/v3/domains/${CF_SEED.sharedDomain.guid}/route_reservations?host=${host}`)
    expect((await reservation()).json).toEqual({ matching_route: false })
    foreignRoute(host)
    expect((await reservation()).json).toEqual({ matching_route: true })
  })
})
