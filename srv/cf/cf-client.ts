import cds from '@sap/cds'
import type { App, Domain, Job, Organization, Paginated, Route, RouteDestination, Space } from './cf-types.js'
import { CfApiError, CfLookupError } from './errors.js'
import { operationDeadline, outsideDeadline } from './operation-deadline.js'
import { readAllPages } from './pagination.js'
import { cfQuery, labelSelector, type FilterValue } from './query.js'
import type { CfTransport } from './transport.js'

const LOG = cds.log('cf')

export interface CfClientOptions {
  /** How long `deleteRoute` waits for CF's delete job. */
  jobTimeoutMs: number
  /** First wait before polling a job; doubles per poll. */
  firstJobPollMs: number
}

export interface RouteFilter {
  hosts?: readonly string[]
  domainGuids?: readonly string[]
  spaceGuids?: readonly string[]
  appGuids?: readonly string[]
  /** Every label must have the given value. */
  labels?: Record<string, string>
}

export interface NewRoute {
  host: string
  spaceGuid: string
  domainGuid: string
  labels: Record<string, string>
}

export class CfJobError extends Error {
  readonly status = 502
  readonly code = 'CF_JOB_FAILED'
  constructor(operation: string, job: Job | undefined, waitedMs: number) {
    super(
      job?.state === 'FAILED'
        ? `CF job ${job.guid} (${operation}) failed: ${job.errors.map(e => e.detail).join('; ')}`
        : `CF job ${job?.guid ?? '?'} (${operation}) did not complete within ${waitedMs} ms`
    )
    this.name = 'CfJobError'
  }
}

/**
 * A typed client of the CF API v3 resources tenant-hub needs. Apps and domains, whose guids never change,
 * are looked up once per process and looked up again when CF says they are gone.
 */
export class CfClient {
  readonly #transport: CfTransport
  readonly #options: CfClientOptions
  readonly #appGuids = new Map<string, Promise<string>>()
  readonly #domainGuids = new Map<string, Promise<string>>()

  constructor(transport: CfTransport, options: CfClientOptions) {
    this.#transport = transport
    this.#options = options
  }

  /** Guid of the app with this name in the space (cached). */
  appGuid(spaceGuid: string, name: string): Promise<string> {
    return cachedLookup(this.#appGuids, `${spaceGuid}/${name}`, async () => {
      const apps = await this.#list<App>('find app', `/v3/apps${cfQuery({ names: [name], space_guids: [spaceGuid] })}`)
      return exactlyOne(apps, `app "${name}" in space ${spaceGuid}`).guid
    })
  }

  /** Guid of the domain with this name (cached). */
  domainGuid(name: string): Promise<string> {
    return cachedLookup(this.#domainGuids, name, async () => {
      const domains = await this.#list<Domain>('find domain', `/v3/domains${cfQuery({ names: [name] })}`)
      return exactlyOne(domains, `domain "${name}"`).guid
    })
  }

  /** Drops cached guids, e.g. after CF answered that an app or domain does not exist (any more). */
  forgetGuids(): void {
    this.#appGuids.clear()
    this.#domainGuids.clear()
  }

  async getDomain(guid: string): Promise<Domain> {
    return (await this.#transport.send('get domain', { method: 'GET', path: `/v3/domains/${encodeURIComponent(guid)}` })).data as Domain
  }

  async getSpace(guid: string): Promise<Space> {
    return (await this.#transport.send('get space', { method: 'GET', path: `/v3/spaces/${encodeURIComponent(guid)}` })).data as Space
  }

  async getOrganization(guid: string): Promise<Organization> {
    return (await this.#transport.send('get organization', { method: 'GET', path: `/v3/organizations/${encodeURIComponent(guid)}` })).data as Organization
  }

  listApps(spaceGuid: string): Promise<App[]> {
    return this.#list<App>('list apps', `/v3/apps${cfQuery({ space_guids: [spaceGuid], per_page: 200 })}`)
  }

  async createRoute(route: NewRoute): Promise<Route> {
    const response = await this.#transport.send('create route', {
      method: 'POST',
      path: '/v3/routes',
      body: {
        host: route.host,
        relationships: { space: { data: { guid: route.spaceGuid } }, domain: { data: { guid: route.domainGuid } } },
        metadata: { labels: route.labels }
      }
    })
    return response.data as Route
  }

  findRoutes(filter: RouteFilter): Promise<Route[]> {
    const query: Record<string, FilterValue | undefined> = {
      hosts: filter.hosts,
      domain_guids: filter.domainGuids,
      space_guids: filter.spaceGuids,
      app_guids: filter.appGuids,
      label_selector: filter.labels ? labelSelector(filter.labels) : undefined,
      per_page: 200
    }
    return this.#list<Route>('find routes', `/v3/routes${cfQuery(query)}`)
  }

  /** Maps the route to the app's web process; mapping an app that is already mapped changes nothing. */
  async mapRoute(routeGuid: string, appGuid: string): Promise<RouteDestination[]> {
    const response = await this.#transport.send('map route', {
      method: 'POST',
      path: `/v3/routes/${encodeURIComponent(routeGuid)}/destinations`,
      body: { destinations: [{ app: { guid: appGuid } }] }
    })
    return (response.data as { destinations: RouteDestination[] }).destinations
  }

  async unmapRoute(routeGuid: string, destinationGuid: string): Promise<void> {
    await this.#transport.send('unmap route', {
      method: 'DELETE',
      path: `/v3/routes/${encodeURIComponent(routeGuid)}/destinations/${encodeURIComponent(destinationGuid)}`
    })
  }

  /** Deletes a route and waits for CF's delete job. A route that is already gone counts as deleted. */
  async deleteRoute(routeGuid: string): Promise<'deleted' | 'already-gone'> {
    let location: string | undefined
    try {
      const response = await this.#transport.send('delete route', { method: 'DELETE', path: `/v3/routes/${encodeURIComponent(routeGuid)}` })
      location = response.headers.location
    } catch (err) {
      if (err instanceof CfApiError && err.isNotFound) return 'already-gone'
      throw err
    }
    if (location) await this.#awaitJob('delete route', new URL(location).pathname)
    return 'deleted'
  }

  async #awaitJob(operation: string, jobPath: string): Promise<void> {
    const started = Date.now()
    const giveUpAt = Math.min(started + this.#options.jobTimeoutMs, operationDeadline()?.at ?? Infinity)
    let wait = this.#options.firstJobPollMs
    let job: Job | undefined
    while (Date.now() + wait <= giveUpAt) {
      await new Promise(resolve => setTimeout(resolve, wait))
      job = (await this.#transport.send(`poll job of ${operation}`, { method: 'GET', path: jobPath })).data as Job
      if (job.state === 'COMPLETE') return
      if (job.state === 'FAILED') break
      wait *= 2
    }
    LOG.warn('CF job', jobPath, 'of', operation, 'ended in state', job?.state)
    throw new CfJobError(operation, job, Date.now() - started)
  }

  #list<T>(operation: string, firstPath: string): Promise<T[]> {
    return readAllPages<T>(firstPath, async path => (await this.#transport.send(operation, { method: 'GET', path })).data as Paginated<T>)
  }
}

function exactlyOne<T>(resources: T[], what: string): T {
  if (resources.length !== 1) throw new CfLookupError(what, resources.length)
  return resources[0]
}

/**
 * Caches the promise, so concurrent callers share one lookup; a failed lookup is not cached. The lookup runs on its
 * own deadline, not on that of the operation that happened to start it: other operations wait for it too.
 */
function cachedLookup(cache: Map<string, Promise<string>>, key: string, lookup: () => Promise<string>): Promise<string> {
  let pending = cache.get(key)
  if (!pending) {
    pending = outsideDeadline(lookup)
    cache.set(key, pending)
    pending.catch(() => cache.delete(key))
  }
  return pending
}
