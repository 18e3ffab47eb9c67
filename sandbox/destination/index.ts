import { startSimServer, type SimServer, type SimulatorContext } from '../kernel/index.js'
import type { XsuaaSandbox } from '../xsuaa/index.js'
import { destinationCredentials } from './bindings.js'
import { resolveDestinationConfig, type DestinationConfig, type SeededDestination } from './config.js'
import type { DestinationCredentials, DestinationLevel } from './destination-types.js'
import { renderDestinationError } from './errors.js'
import { createDestinationRouter } from './handlers.js'
import { LookupLog, type LookupRecord } from './lookup-log.js'
import { MemoryDestinationStore, type DestinationStore } from './store.js'

export { DESTINATION_DEFAULTS, resolveDestinationConfig, type DestinationConfig, type SeededDestination } from './config.js'
export type * from './destination-types.js'
export type { LookupRecord } from './lookup-log.js'
export { InvalidDestinationError, MemoryDestinationStore, type DestinationStore } from './store.js'

export interface DestinationSandboxOptions extends Partial<DestinationConfig> {
  /** The XSUAA simulator that issues and signs the tokens this service accepts. */
  xsuaa: XsuaaSandbox
}

export interface DestinationSnapshot {
  url: string
  instanceId: string
  /** Destination names per level (no properties: they hold passwords and secrets). */
  destinations: (DestinationLevel & { names: string[] })[]
  lookups: LookupRecord[]
}

export interface DestinationSandbox {
  readonly server: SimServer
  readonly url: string
  /** The bound destination service instance (`owner.InstanceId` of instance-level hits). */
  readonly instanceId: string
  readonly store: DestinationStore
  /** The subaccount level of a zone; default the provider's. */
  subaccountLevel(tenantId?: string): DestinationLevel
  /** The bound instance's level within a zone; default the provider's. */
  instanceLevel(tenantId?: string): DestinationLevel
  /** tenant-hub's `destination` binding. */
  bindingCredentials(): DestinationCredentials
  snapshot(): DestinationSnapshot
  /** Back to the seeded destinations; forgets the lookup log. */
  reset(): void
  close(): Promise<void>
}

/** Starts the Destination service simulator (HTTP, counter/fault name `destination`). */
export async function startDestinationSandbox(ctx: SimulatorContext, options: DestinationSandboxOptions): Promise<DestinationSandbox> {
  const { xsuaa, ...overrides } = options
  const config = resolveDestinationConfig(overrides)
  const client = xsuaa.client('destination')
  const instanceId = client.serviceInstanceId
  const provider = xsuaa.zones.provider.tenantId
  const store = new MemoryDestinationStore()
  const lookups = new LookupLog()

  const subaccountLevel = (tenantId = provider): DestinationLevel => ({ subaccountId: tenantId })
  const instanceLevel = (tenantId = provider): DestinationLevel => ({ subaccountId: tenantId, instanceId })
  const seed = (destinations: SeededDestination[]) => {
    for (const { subaccountId, instanceLevel: onInstance, destination } of destinations) {
      store.put(onInstance ? instanceLevel(subaccountId) : subaccountLevel(subaccountId), destination)
    }
  }
  seed(config.seed)

  const server = await startSimServer({
    name: 'destination',
    router: createDestinationRouter({
      store,
      trust: { verifyToken: token => xsuaa.verifyToken(token), clientId: client.clientId, instanceId },
      lookups,
      tokenRetrieval: { timeoutMs: config.tokenRequestTimeoutMs }
    }),
    counter: ctx.counter,
    faults: ctx.faults,
    renderError: renderDestinationError,
    port: config.port
  })

  return {
    server,
    url: server.url,
    instanceId,
    store,
    subaccountLevel,
    instanceLevel,
    bindingCredentials: () => destinationCredentials(xsuaa.credentialsFor('destination'), server.url, instanceId),
    snapshot: () => ({
      url: server.url,
      instanceId,
      destinations: store.levels().map(level => ({ ...level, names: store.list(level).map(d => d.Name) })),
      lookups: lookups.list()
    }),
    reset: () => {
      store.clear()
      seed(config.seed)
      lookups.clear()
    },
    close: () => server.close()
  }
}
