import { CF_LANDSCAPE } from '../identities.js'
import { CF_SEED } from './seed.js'

/** CC space roles; developers and supporters may manage routes, the others only read. */
export type SpaceRoleType = 'space_developer' | 'space_supporter' | 'space_manager' | 'space_auditor'

export interface SpaceRole {
  spaceGuid: string
  type: SpaceRoleType
}

/** A user known to the UAA (credentials, origin) and to the Cloud Controller (guid, roles). */
export interface CfUserConfig {
  username: string
  password: string
  /** Identity-provider origin key, as named in `login_hint`. */
  origin: string
  /** UAA user id, which is also the CC user guid. */
  guid: string
  spaceRoles: SpaceRole[]
}

export interface CfSandboxConfig {
  /** 0 = any free port. */
  ports: { uaa: number; cf: number }
  users: CfUserConfig[]
  /** Origins (identity providers) the UAA accepts for the password grant. */
  origins: string[]
  /** The origin of a password grant that carries no `login_hint`. */
  defaultOrigin: string
  /** Access-token lifetime, answered as `expires_in`. */
  tokenLifetimeSeconds: number
  /** How long a route-delete job stays PROCESSING before the route is gone. */
  jobDurationMs: number
  /** CC's per-user rate limit; off when absent. */
  rateLimit?: { limit: number; resetSeconds: number }
  /** `cloud_controller_v3` version announced by `GET /`. */
  ccVersion: string
}

export const NO_ROLE_USER = { username: 'no-role@example.com', password: 'sandbox-norole-password' } as const
export const AUDITOR_USER = { username: 'space-auditor@example.com', password: 'sandbox-auditor-password' } as const

export const DEFAULT_CF_USERS: readonly CfUserConfig[] = [
  {
    ...CF_LANDSCAPE.technicalUser,
    guid: '8e2f4a6c-1b3d-4f5a-9c7e-0d2b4f6a8c13',
    spaceRoles: [{ spaceGuid: CF_SEED.space.guid, type: 'space_developer' }]
  },
  { ...NO_ROLE_USER, origin: CF_LANDSCAPE.technicalUser.origin, guid: '7d1e3f5a-0c2b-4e4d-8f6a-9b1c3d5e7f24', spaceRoles: [] },
  {
    ...AUDITOR_USER,
    origin: 'uaa',
    guid: '6c0d2e4f-9b1a-4d3c-8e5f-7a9b1c3d5e35',
    spaceRoles: [{ spaceGuid: CF_SEED.space.guid, type: 'space_auditor' }]
  }
]

export const DEFAULT_CF_SANDBOX_CONFIG: CfSandboxConfig = {
  ports: { uaa: 0, cf: 0 },
  users: [...DEFAULT_CF_USERS],
  origins: ['uaa', CF_LANDSCAPE.technicalUser.origin],
  defaultOrigin: 'uaa',
  tokenLifetimeSeconds: 1199,
  jobDurationMs: 30,
  ccVersion: '3.159.0'
}

export function resolveCfSandboxConfig(overrides: Partial<CfSandboxConfig> = {}): CfSandboxConfig {
  const config: CfSandboxConfig = {
    ...DEFAULT_CF_SANDBOX_CONFIG,
    ...overrides,
    ports: { ...DEFAULT_CF_SANDBOX_CONFIG.ports, ...overrides.ports }
  }
  if (!config.origins.includes(config.defaultOrigin)) throw new Error(`CF sandbox: defaultOrigin '${config.defaultOrigin}' is not in "origins"`)
  for (const user of config.users) {
    if (!config.origins.includes(user.origin)) throw new Error(`CF sandbox user ${user.username}: origin '${user.origin}' is not in "origins"`)
  }
  return config
}
