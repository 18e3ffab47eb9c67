import { startSimServer, type SimServer, type SimulatorContext } from '../kernel/index.js'
import { CallbackResults } from './callback-results.js'
import { DEFAULT_SAAS_REGISTRY_CONFIG, type SaasRegistryConfig } from './config.js'
import { saasError, saasRouter } from './handlers.js'
import { SaasRegistry, type SaasRegistryDeps } from './registry.js'
import { MemorySubscriptionStore } from './subscription-store.js'

export type { OperationResult, SubscribeRequest, UnsubscribeRequest } from './registry.js'
export type { Subscription } from './subscription-store.js'

export interface SaasRegistrySandbox {
  server: SimServer
  registry: SaasRegistry
  snapshot(): object
  reset(): void
  close(): Promise<void>
}

/** Starts the saas-registry simulator (counter/fault name `saas`). */
export async function startSaasRegistrySandbox(
  ctx: SimulatorContext,
  deps: SaasRegistryDeps,
  config: Partial<SaasRegistryConfig> = {}
): Promise<SaasRegistrySandbox> {
  const effective = { ...DEFAULT_SAAS_REGISTRY_CONFIG, ...config }
  const store = new MemorySubscriptionStore()
  const callbacks = new CallbackResults()
  const registry = new SaasRegistry(effective, store, callbacks, deps)
  const server = await startSimServer({
    name: 'saas',
    router: saasRouter(registry, store, callbacks),
    counter: ctx.counter,
    faults: ctx.faults,
    renderError: (status, detail) => saasError(status, detail ?? `HTTP ${status}`),
    port: effective.port
  })
  return {
    server,
    registry,
    snapshot: () => ({ subscriptions: store.list(), callbacks: callbacks.received() }),
    reset: () => {
      store.clear()
      callbacks.clear()
    },
    close: () => server.close()
  }
}
