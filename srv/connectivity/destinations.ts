import cds from '@sap/cds'
import {
  alwaysProvider,
  alwaysSubscriber,
  getDestination,
  serviceToken,
  setDestinationCache,
  subscriberFirst,
  type Destination,
  type HttpDestination
} from '@sap-cloud-sdk/connectivity'
import { HealthyDestinationCache, hasOnlyFailedTokens } from './destination-cache.js'
import { DestinationLookupError, DestinationNotFoundError, DestinationTokenError } from './errors.js'

const LOG = cds.log('connectivity')

const cache = new HealthyDestinationCache()
setDestinationCache(cache)

/** Resolutions under way, so that concurrent callers share one lookup instead of racing past the cache. */
const inFlight = new Map<string, Promise<HttpDestination>>()

export interface ResolveOptions {
  /**
   * A user JWT of the caller's tenant: that tenant's own destination is tried first, then the provider's.
   * Omitted: the provider's destination only (e.g. CFAPI, which must never come from a subscriber).
   */
  jwt?: string
  /**
   * With `jwt`: only the caller tenant's own destination, without falling back to the provider's; a miss is a
   * `DestinationNotFoundError`. Lets a caller tell the tenant's own destination from the provider's.
   */
  subscriberOnly?: boolean
  /** `false` bypasses the destination cache (a connectivity check wants the live answer). */
  useCache?: boolean
}

/**
 * Resolves a destination through the destination service with the Cloud SDK (lookup, server-side token
 * retrieval, cache) and turns every way it can fail into an error that names the destination and what to fix.
 */
export function resolveDestination(name: string, options: ResolveOptions = {}): Promise<HttpDestination> {
  const key = `${name}\n${options.jwt ?? ''}\n${options.useCache ?? true}\n${options.subscriberOnly ?? false}`
  let pending = inFlight.get(key)
  if (!pending) {
    pending = lookUp(name, options).finally(() => inFlight.delete(key))
    inFlight.set(key, pending)
  }
  return pending
}

async function lookUp(name: string, options: ResolveOptions): Promise<HttpDestination> {
  let destination: Destination | null
  try {
    // Without the subscriber's token for the destination service, the SDK only logs a warning and finds nothing, so
    // that an XSUAA blip would read as "the tenant has no destination of its own". Fetched first (the SDK then takes
    // it from its token cache), a failure to get it is a lookup error.
    if (options.jwt && options.subscriberOnly) await serviceToken('destination', { jwt: options.jwt })
    destination = await getDestination({
      destinationName: name,
      jwt: options.jwt,
      selectionStrategy: options.jwt ? (options.subscriberOnly ? alwaysSubscriber : subscriberFirst) : alwaysProvider,
      // Keyed by tenant, not by user: a user JWT would otherwise make the SDK skip caching provider hits.
      isolationStrategy: 'tenant',
      useCache: options.useCache ?? true
    })
  } catch (err) {
    throw new DestinationLookupError(name, err)
  }
  if (!destination) throw new DestinationNotFoundError(name)
  if (hasOnlyFailedTokens(destination)) {
    const reason = destination.authTokens!.map(token => token.error).join('; ')
    LOG.warn('destination', name, 'has no token:', reason)
    throw new DestinationTokenError(name, reason, tokenHint(destination))
  }
  if (!destination.url) throw new DestinationLookupError(name, new Error('the destination has no URL'))
  return destination as HttpDestination
}

/** Empties the destination cache, e.g. after an operator changed a destination. */
export async function forgetDestinations(): Promise<void> {
  await cache.clear()
}

function tokenHint(destination: Destination): string {
  switch (destination.authentication) {
    case 'OAuth2Password':
      return 'Check the technical user and password, the origin key in tokenService.body.login_hint ({"origin":"<key>"}), and that clientId is "cf" with an empty secret.'
    case 'OAuth2ClientCredentials':
      return 'Check clientId, clientSecret and tokenServiceURL against the service key (for CIS: a central-viewer key of the Cloud Management Service).'
    default:
      return `Check the destination's ${destination.authentication ?? 'authentication'} settings.`
  }
}
