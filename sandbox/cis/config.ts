/**
 * Configuration of the CIS simulator: a plain object whose defaults live here; callers pass a partial one.
 * Defaults: the provider's global account with its realistic seed, and a second, small global account of a
 * subscriber that brings its own CIS destination.
 */
import { PROVIDER } from '../identities.js'
import { stableGuid, stableSuffix } from './guids.js'
import { SUBSCRIBER_GLOBAL_ACCOUNT } from './seed.js'

/** Up to how many subaccounts one global account may be given. */
export const MAX_SUBACCOUNTS = 10_000

/** `expires_in` of XSUAA client-credentials tokens (recorded value). */
export const DEFAULT_TOKEN_VALIDITY_SECONDS = 43_199

export interface GlobalAccountConfig {
  /** The provider's and the subscriber's well-known guids get their realistic seed; any other guid a generated one. */
  guid?: string
  displayName?: string
  /**
   * Size knob: the total number of subaccounts (0…10,000). Seeded subaccounts come first, generated ones fill up
   * the rest, spread over generated directories. Default: the seed as it is (3 for a generated global account).
   */
  subaccountCount?: number
  /** Client of the global account's CIS instance; default: a stable id shaped like a real service key's. */
  clientId?: string
  clientSecret?: string
}

export interface CisSandboxPorts {
  accounts: number
  entitlements: number
  uaa: number
}

export interface CisSandboxConfig {
  globalAccounts: GlobalAccountConfig[]
  /** Lifetime of issued access tokens. */
  tokenValiditySeconds: number
  /** 0 = a free port. */
  ports: CisSandboxPorts
}

/** A global account's configuration with every default applied. */
export interface ResolvedGlobalAccountConfig {
  guid: string
  displayName?: string
  subaccountCount?: number
  clientId: string
  clientSecret: string
}

export interface ResolvedCisSandboxConfig {
  globalAccounts: ResolvedGlobalAccountConfig[]
  tokenValiditySeconds: number
  ports: CisSandboxPorts
}

export class CisConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CisConfigError'
  }
}

export function defaultCisConfig(): CisSandboxConfig {
  return {
    globalAccounts: [{ guid: PROVIDER.globalAccountGuid }, { guid: SUBSCRIBER_GLOBAL_ACCOUNT.guid }],
    tokenValiditySeconds: DEFAULT_TOKEN_VALIDITY_SECONDS,
    ports: { accounts: 0, entitlements: 0, uaa: 0 }
  }
}

export function resolveCisConfig(overrides: Partial<CisSandboxConfig> = {}): ResolvedCisSandboxConfig {
  const defaults = defaultCisConfig()
  const config: CisSandboxConfig = {
    globalAccounts: overrides.globalAccounts ?? defaults.globalAccounts,
    tokenValiditySeconds: overrides.tokenValiditySeconds ?? defaults.tokenValiditySeconds,
    ports: { ...defaults.ports, ...overrides.ports }
  }
  if (!Number.isInteger(config.tokenValiditySeconds) || config.tokenValiditySeconds < 1) {
    throw new CisConfigError('"tokenValiditySeconds" must be a positive integer')
  }
  const globalAccounts = config.globalAccounts.map(resolveGlobalAccount)
  assertUnique(globalAccounts.map(account => account.guid), 'global account guid')
  assertUnique(globalAccounts.map(account => account.clientId), 'clientId')
  return { globalAccounts, tokenValiditySeconds: config.tokenValiditySeconds, ports: config.ports }
}

function resolveGlobalAccount(account: GlobalAccountConfig, index: number): ResolvedGlobalAccountConfig {
  const { subaccountCount } = account
  if (subaccountCount !== undefined && !(Number.isInteger(subaccountCount) && subaccountCount >= 0 && subaccountCount <= MAX_SUBACCOUNTS)) {
    throw new CisConfigError(`"subaccountCount" must be an integer within 0…${MAX_SUBACCOUNTS}, got ${subaccountCount}`)
  }
  const guid = account.guid ?? stableGuid('global-account', String(index))
  return {
    guid,
    displayName: account.displayName,
    subaccountCount,
    clientId: account.clientId ?? `sb-ut-${stableGuid('cis-client', guid)}-clone!b${10_000 + index}|cis-central!b14`,
    clientSecret: account.clientSecret ?? defaultClientSecret(guid)
  }
}

/** Shaped like a real binding secret (`7c2b…$tytF…=`), stable per global account. */
function defaultClientSecret(guid: string): string {
  return `${stableGuid('cis-secret', guid).replaceAll('-', '').slice(0, 24)}$${stableSuffix('cis-secret', guid)}=`
}

function assertUnique(values: string[], what: string): void {
  const seen = new Set<string>()
  for (const value of values) {
    if (seen.has(value)) throw new CisConfigError(`duplicate ${what} ${value}`)
    seen.add(value)
  }
}
