import { createSigningKey, startSimServer, type SimServer, type SimulatorContext } from '../kernel/index.js'
import { startUaaSimulator, type UaaUser } from '../uaa/index.js'
import { resolveCfSandboxConfig, type CfSandboxConfig, type CfUserConfig } from './config.js'
import { renderCfError } from './errors.js'
import { RouteDeletionJobs } from './jobs.js'
import { InMemoryCfStore } from './memory-store.js'
import { CfPipeline } from './pipeline.js'
import { RateLimiter } from './rate-limiter.js'
import { cfRouter } from './router.js'
import { seedState } from './seed.js'
import { cfSnapshot, type CfSnapshot } from './snapshot.js'
import type { CfStore } from './store.js'

export {
  AUDITOR_USER,
  DEFAULT_CF_SANDBOX_CONFIG,
  DEFAULT_CF_USERS,
  NO_ROLE_USER,
  type CfSandboxConfig,
  type CfUserConfig,
  type SpaceRole,
  type SpaceRoleType
} from './config.js'
export { CF_ERROR_CATALOGUE } from './errors.js'
export { CF_SEED } from './seed.js'
export type { CfSnapshot } from './snapshot.js'
export type * from './store.js'

export interface CfSandbox {
  /** CF UAA simulator (counter/fault name `uaa`). */
  uaa: SimServer
  /** Cloud Controller v3 simulator (counter/fault name `cf`). */
  cf: SimServer
  /** In-memory state; tests and the control surface use it. */
  store: CfStore
  /** A valid CF access token for a configured user, as the UAA would issue it. */
  tokenFor(username: string): string
  /** JSON-able state for the sandbox control surface. */
  snapshot(): CfSnapshot
  /** Back to the seeded state: routes created since are gone, running jobs dropped, rate limits cleared. */
  reset(): void
  close(): Promise<void>
}

/** Composition root of the CF landscape: a UAA and a Cloud Controller sharing one signing key and one store. */
export async function startCfSandbox(ctx: SimulatorContext, overrides?: Partial<CfSandboxConfig>): Promise<CfSandbox> {
  const config = resolveCfSandboxConfig(overrides)
  const signingKey = createSigningKey('cf-uaa-sandbox')
  const uaa = await startUaaSimulator(ctx, {
    port: config.ports.uaa,
    users: config.users.map(uaaUser),
    origins: config.origins,
    defaultOrigin: config.defaultOrigin,
    tokenLifetimeSeconds: config.tokenLifetimeSeconds,
    signingKey
  })

  const store = new InMemoryCfStore(seedState)
  const jobs = new RouteDeletionJobs(store, config.jobDurationMs)
  const rateLimiter = config.rateLimit && new RateLimiter(config.rateLimit)
  const pipeline = new CfPipeline({ store, uaaKey: signingKey, users: config.users, rateLimiter })
  let cf: SimServer
  try {
    cf = await startSimServer({
      name: 'cf',
      router: cfRouter(pipeline, { store, jobs, config, uaaUrl: uaa.server.url }),
      counter: ctx.counter,
      faults: ctx.faults,
      renderError: renderCfError,
      port: config.ports.cf
    })
  } catch (err) {
    await uaa.server.close()
    throw err
  }

  return {
    uaa: uaa.server,
    cf,
    store,
    tokenFor(username) {
      const user = config.users.find(u => u.username === username)
      if (!user) throw new Error(`CF sandbox: no configured user '${username}'`)
      return uaa.issuer.accessToken(uaaUser(user), uaa.server.url)
    },
    snapshot: () => cfSnapshot(store),
    reset() {
      jobs.cancelAll()
      store.reset()
      rateLimiter?.reset()
    },
    async close() {
      jobs.cancelAll()
      await Promise.all([cf.close(), uaa.server.close()])
    }
  }
}

function uaaUser(user: CfUserConfig): UaaUser {
  return { username: user.username, password: user.password, origin: user.origin, userId: user.guid }
}
