import type { DestinationProperties } from './destination-types.js'

/** A destination to store at start and again on every `reset()`. */
export interface SeededDestination {
  /** Default: the provider subaccount. */
  subaccountId?: string
  /** Store on the bound instance's level instead of the subaccount level. */
  instanceLevel?: boolean
  destination: DestinationProperties
}

export interface DestinationConfig {
  /** 0 = a free port. Served over plain HTTP on 127.0.0.1: neither the SDK nor xssec requires HTTPS for it. */
  port: number
  seed: SeededDestination[]
  /**
   * Timeout of the server-side token request to a destination's `tokenServiceURL`; below the Cloud SDK's 10 s
   * timeout for the whole lookup, so that a hanging token service shows up as an `authTokens[].error`.
   */
  tokenRequestTimeoutMs: number
}

export const DESTINATION_DEFAULTS: DestinationConfig = {
  port: 0,
  seed: [],
  tokenRequestTimeoutMs: 5_000
}

export function resolveDestinationConfig(overrides: Partial<DestinationConfig> = {}): DestinationConfig {
  return { ...DESTINATION_DEFAULTS, ...overrides }
}
