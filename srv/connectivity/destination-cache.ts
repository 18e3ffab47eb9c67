import type { CacheEntry, Destination, DestinationCacheInterface } from '@sap-cloud-sdk/connectivity'

/** Without an `expires_in`, the SDK keeps a destination this long (its own default). */
const DEFAULT_VALIDITY_MS = 300_000
/** Tokens are dropped this long before they expire, so that none expires while a request is in flight. */
const EXPIRY_MARGIN_MS = 30_000

/**
 * The Cloud SDK's destination cache, with two differences that matter for OAuth2 destinations:
 * a destination whose token retrieval failed is not cached (the SDK would serve the failure until the
 * entry expires), and entries expire a margin before their token does.
 */
export class HealthyDestinationCache implements DestinationCacheInterface {
  readonly #entries = new Map<string, { destination: Destination; expiresAt: number }>()

  async hasKey(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined
  }

  async get(key: string | undefined): Promise<Destination | undefined> {
    if (!key) return undefined
    const cached = this.#entries.get(key)
    if (!cached) return undefined
    if (cached.expiresAt <= Date.now()) {
      this.#entries.delete(key)
      return undefined
    }
    return cached.destination
  }

  async set(key: string | undefined, item: CacheEntry<Destination>): Promise<void> {
    if (!key || hasOnlyFailedTokens(item.entry)) return
    const expires = item.expires ?? Date.now() + DEFAULT_VALIDITY_MS
    this.#entries.set(key, { destination: item.entry, expiresAt: expires - EXPIRY_MARGIN_MS })
  }

  async clear(): Promise<void> {
    this.#entries.clear()
  }
}

export function hasOnlyFailedTokens(destination: Destination): boolean {
  const tokens = destination.authTokens ?? []
  return tokens.length > 0 && tokens.every(token => !!token.error)
}
