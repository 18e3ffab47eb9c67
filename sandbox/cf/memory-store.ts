import { randomUUID } from 'node:crypto'
import type { CfState } from './seed.js'
import type {
  AppRecord,
  CfStore,
  DestinationRecord,
  JobRecord,
  JobState,
  Metadata,
  NewApp,
  NewDestination,
  NewRoute,
  RouteRecord
} from './store.js'

/** CC's defaults for a destination given only an app: the `web` process on the buildpack port over HTTP/1. */
const DEFAULT_PROCESS_TYPE = 'web'
const DEFAULT_APP_PORT = 8080
const DEFAULT_PROTOCOL = 'http1'

/** CC timestamps have second precision. */
function ccTimestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** A store in memory, starting from (and resettable to) a seed. */
export class InMemoryCfStore implements CfStore {
  readonly #seed: () => CfState
  #state: CfState
  #jobs: JobRecord[] = []

  constructor(seed: () => CfState) {
    this.#seed = seed
    this.#state = seed()
  }

  organizations() { return copy(this.#state.organizations) }
  organization(guid: string) { return copy(this.#state.organizations.find(o => o.guid === guid)) }
  spaces() { return copy(this.#state.spaces) }
  space(guid: string) { return copy(this.#state.spaces.find(s => s.guid === guid)) }
  domains() { return copy(this.#state.domains) }
  domain(guid: string) { return copy(this.#state.domains.find(d => d.guid === guid)) }
  apps() { return copy(this.#state.apps) }
  app(guid: string) { return copy(this.#state.apps.find(a => a.guid === guid)) }
  routes() { return copy(this.#state.routes) }
  route(guid: string) { return copy(this.#findRoute(guid)) }
  jobs() { return copy(this.#jobs) }
  job(guid: string) { return copy(this.#jobs.find(j => j.guid === guid)) }

  createApp(input: NewApp): AppRecord {
    this.#require('space', this.#state.spaces, input.spaceGuid)
    const now = ccTimestamp()
    const app: AppRecord = {
      guid: randomUUID(),
      name: input.name,
      spaceGuid: input.spaceGuid,
      state: input.state ?? 'STARTED',
      lifecycle: { type: 'buildpack', buildpacks: [], stack: 'cflinuxfs4' },
      createdAt: now,
      updatedAt: now,
      metadata: { labels: {}, annotations: {} }
    }
    this.#state.apps.push(app)
    return copy(app)
  }

  createRoute(input: NewRoute): RouteRecord {
    this.#require('space', this.#state.spaces, input.spaceGuid)
    this.#require('domain', this.#state.domains, input.domainGuid)
    const now = ccTimestamp()
    const route: RouteRecord = {
      guid: randomUUID(),
      host: input.host,
      path: input.path ?? '',
      spaceGuid: input.spaceGuid,
      domainGuid: input.domainGuid,
      destinations: [],
      createdAt: input.createdAt ?? now,
      updatedAt: input.createdAt ?? now,
      metadata: { labels: { ...input.metadata?.labels }, annotations: { ...input.metadata?.annotations } }
    }
    this.#state.routes.push(route)
    return copy(route)
  }

  setRouteMetadata(guid: string, metadata: Metadata): RouteRecord | undefined {
    const route = this.#findRoute(guid)
    if (!route) return undefined
    route.metadata = copy(metadata)
    route.updatedAt = ccTimestamp()
    return copy(route)
  }

  deleteRoute(guid: string): boolean {
    const before = this.#state.routes.length
    this.#state.routes = this.#state.routes.filter(r => r.guid !== guid)
    return this.#state.routes.length < before
  }

  insertDestinations(routeGuid: string, destinations: readonly NewDestination[]): RouteRecord | undefined {
    for (const d of destinations) this.#require('app', this.#state.apps, d.appGuid)
    const route = this.#findRoute(routeGuid)
    if (!route) return undefined
    for (const wanted of destinations.map(withDefaults)) {
      if (!route.destinations.some(existing => sameDestination(existing, wanted))) {
        route.destinations.push({ guid: randomUUID(), ...wanted })
      }
    }
    return copy(route)
  }

  replaceDestinations(routeGuid: string, destinations: readonly NewDestination[]): RouteRecord | undefined {
    for (const d of destinations) this.#require('app', this.#state.apps, d.appGuid)
    const route = this.#findRoute(routeGuid)
    if (!route) return undefined
    const replaced: DestinationRecord[] = []
    for (const wanted of destinations.map(withDefaults)) {
      if (replaced.some(kept => sameDestination(kept, wanted))) continue
      const existing = route.destinations.find(d => sameDestination(d, wanted))
      replaced.push(existing ?? { guid: randomUUID(), ...wanted })
    }
    route.destinations = replaced
    return copy(route)
  }

  removeDestination(routeGuid: string, destinationGuid: string): boolean {
    const route = this.#findRoute(routeGuid)
    if (!route) return false
    const before = route.destinations.length
    route.destinations = route.destinations.filter(d => d.guid !== destinationGuid)
    return route.destinations.length < before
  }

  unmap(routeGuid: string, appGuid: string): boolean {
    const route = this.#findRoute(routeGuid)
    if (!route) return false
    const before = route.destinations.length
    route.destinations = route.destinations.filter(d => d.appGuid !== appGuid)
    return route.destinations.length < before
  }

  createJob(operation: string, resource: JobRecord['resource']): JobRecord {
    const now = ccTimestamp()
    const job: JobRecord = { guid: randomUUID(), operation, state: 'PROCESSING', resource, createdAt: now, updatedAt: now }
    this.#jobs.push(job)
    return copy(job)
  }

  setJobState(guid: string, state: JobState): JobRecord | undefined {
    const job = this.#jobs.find(j => j.guid === guid)
    if (!job) return undefined
    job.state = state
    job.updatedAt = ccTimestamp()
    return copy(job)
  }

  reset(): void {
    this.#state = this.#seed()
    this.#jobs = []
  }

  #findRoute(guid: string): RouteRecord | undefined {
    return this.#state.routes.find(r => r.guid === guid)
  }

  /** Records only refer to what exists; seeding a dangling reference is a programming error. */
  #require(kind: string, records: ReadonlyArray<{ guid: string }>, guid: string): void {
    if (!records.some(r => r.guid === guid)) throw new Error(`CF store: no ${kind} ${guid}`)
  }
}

function withDefaults(d: NewDestination): Omit<DestinationRecord, 'guid'> {
  return {
    appGuid: d.appGuid,
    processType: d.processType ?? DEFAULT_PROCESS_TYPE,
    port: d.port ?? DEFAULT_APP_PORT,
    protocol: d.protocol ?? DEFAULT_PROTOCOL
  }
}

/** CC treats a destination as already present when app, process type and port match. */
function sameDestination(a: Omit<DestinationRecord, 'guid'>, b: Omit<DestinationRecord, 'guid'>): boolean {
  return a.appGuid === b.appGuid && a.processType === b.processType && a.port === b.port
}

function copy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value)
}
