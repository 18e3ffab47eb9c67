/** State of the simulated Cloud Controller. Timestamps are CC-style (`2024-03-12T05:02:11Z`). */

export interface Metadata {
  labels: Record<string, string>
  annotations: Record<string, string>
}

export interface OrganizationRecord {
  guid: string
  name: string
  suspended: boolean
  quotaGuid: string
  createdAt: string
  updatedAt: string
  metadata: Metadata
}

export interface SpaceRecord {
  guid: string
  name: string
  organizationGuid: string
  createdAt: string
  updatedAt: string
  metadata: Metadata
}

export interface DomainRecord {
  guid: string
  name: string
  /** `null` for a shared domain. */
  organizationGuid: string | null
  internal: boolean
  createdAt: string
  updatedAt: string
  metadata: Metadata
}

export interface AppRecord {
  guid: string
  name: string
  spaceGuid: string
  state: 'STARTED' | 'STOPPED'
  lifecycle: { type: 'buildpack'; buildpacks: string[]; stack: string }
  createdAt: string
  updatedAt: string
  metadata: Metadata
}

export type DestinationProtocol = 'http1' | 'http2'

/** A route → app mapping (CC `RouteMappingModel`). */
export interface DestinationRecord {
  guid: string
  appGuid: string
  processType: string
  port: number
  protocol: DestinationProtocol
}

export interface RouteRecord {
  guid: string
  /** `''` when unset, never null (CC). */
  host: string
  path: string
  spaceGuid: string
  domainGuid: string
  destinations: DestinationRecord[]
  createdAt: string
  updatedAt: string
  metadata: Metadata
}

export type JobState = 'PROCESSING' | 'COMPLETE' | 'FAILED'

export interface JobRecord {
  guid: string
  /** `route.delete` (`"#{resource_type}.delete"` in CC's DeleteActionJob). */
  operation: string
  state: JobState
  /** The resource the job works on; its link is shown while it exists. */
  resource: { type: 'route'; guid: string }
  createdAt: string
  updatedAt: string
}

export interface NewRoute {
  host: string
  path?: string
  spaceGuid: string
  domainGuid: string
  metadata?: Partial<Metadata>
  /** When it was created (CC's timestamp format); default now. Places a route in the past, e.g. a long-gone tenant's. */
  createdAt?: string
}

export interface NewDestination {
  appGuid: string
  processType?: string
  port?: number
  protocol?: DestinationProtocol
}

export interface NewApp {
  name: string
  spaceGuid: string
  state?: AppRecord['state']
}

/**
 * Store of one simulated landscape. Readers return copies; writers apply CC's own rules for what they change
 * (destination idempotency) but no request validation, so tests can also seed states the API would refuse
 * (a host taken in a foreign space). Referring to a space, domain or app that does not exist throws.
 */
export interface CfStore {
  organizations(): OrganizationRecord[]
  organization(guid: string): OrganizationRecord | undefined
  spaces(): SpaceRecord[]
  space(guid: string): SpaceRecord | undefined
  domains(): DomainRecord[]
  domain(guid: string): DomainRecord | undefined
  apps(): AppRecord[]
  app(guid: string): AppRecord | undefined
  createApp(input: NewApp): AppRecord

  routes(): RouteRecord[]
  route(guid: string): RouteRecord | undefined
  createRoute(input: NewRoute): RouteRecord
  /** Replaces the route's metadata; `undefined` when the route does not exist. */
  setRouteMetadata(guid: string, metadata: Metadata): RouteRecord | undefined
  deleteRoute(guid: string): boolean
  /** Adds destinations, keeping existing ones; a destination equal to an existing one is not added twice. */
  insertDestinations(routeGuid: string, destinations: readonly NewDestination[]): RouteRecord | undefined
  /** Replaces all destinations; destinations equal to existing ones keep their guid. */
  replaceDestinations(routeGuid: string, destinations: readonly NewDestination[]): RouteRecord | undefined
  removeDestination(routeGuid: string, destinationGuid: string): boolean
  /** Removes every destination of `appGuid` from the route. */
  unmap(routeGuid: string, appGuid: string): boolean

  jobs(): JobRecord[]
  job(guid: string): JobRecord | undefined
  createJob(operation: string, resource: JobRecord['resource']): JobRecord
  setJobState(guid: string, state: JobState): JobRecord | undefined

  /** Back to the seeded landscape. */
  reset(): void
}
