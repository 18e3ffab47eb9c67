import type { HttpDestination } from '@sap-cloud-sdk/connectivity'
import { DestinationNotFoundError, resolveDestination } from '../connectivity/index.js'
import { CisDestinationConfigError } from './errors.js'

/**
 * Whose CIS destination a client uses: `own` = the caller tenant's own destination (its own global account),
 * `provider` = the provider's (the provider's global account).
 */
export type CisSource = 'own' | 'provider'

export interface CisDestinationOptions {
  /** Name of the destination, `CIS`: OAuth2ClientCredentials with `URL` = the accounts service. */
  destination: string
  /** Additional property of the destination holding the entitlements service URL. */
  entitlementsUrlProperty: string
}

/** A located CIS destination: resolved again (from the cache) for each request, so that tokens stay current. */
export interface CisDestinationRef {
  name: string
  source: CisSource
  /** The caller's JWT, for `own`; the provider's destination needs none. */
  jwt?: string
}

/**
 * Finds the CIS destination for a caller, subscriber-first: with the caller's JWT, the caller tenant's own
 * destination; when it has none (or without a JWT), the provider's. Every other failure propagates, so that an
 * unreachable destination service never silently switches a tenant to the provider's data.
 */
export async function locateCisDestination(name: string, jwt: string | undefined): Promise<CisDestinationRef> {
  if (jwt) {
    try {
      await resolveDestination(name, { jwt, subscriberOnly: true })
      return { name, source: 'own', jwt }
    } catch (err) {
      if (!(err instanceof DestinationNotFoundError)) throw err
    }
  }
  await resolveDestination(name)
  return { name, source: 'provider' }
}

/** Resolves a located destination; `useCache: false` after CIS refused a cached token. */
export function resolveCisDestination(ref: CisDestinationRef, useCache = true): Promise<HttpDestination> {
  return ref.source === 'own' ? resolveDestination(ref.name, { jwt: ref.jwt, subscriberOnly: true, useCache }) : resolveDestination(ref.name, { useCache })
}

/**
 * The entitlements service URL: the destination's `entitlementsServiceURL` property, else derived from the accounts
 * service URL the way BTP names both hosts (`accounts-service.<domain>` → `entitlements-service.<domain>`).
 */
export function entitlementsUrlOf(destination: HttpDestination, options: CisDestinationOptions): string {
  // The SDK keeps the raw answer: the configuration itself, or `{owner, destinationConfiguration, authTokens}`.
  const original = (destination.originalProperties ?? {}) as Record<string, unknown> & { destinationConfiguration?: Record<string, unknown> }
  const configured = original.destinationConfiguration?.[options.entitlementsUrlProperty] ?? original[options.entitlementsUrlProperty]
  if (typeof configured === 'string' && configured) return configured
  const accounts = new URL(destination.url)
  if (accounts.hostname.startsWith('accounts-service.')) {
    accounts.hostname = accounts.hostname.replace(/^accounts-service\./, 'entitlements-service.')
    return accounts.origin
  }
  throw new CisDestinationConfigError(
    options.destination,
    `the entitlements service URL is unknown: add the property "${options.entitlementsUrlProperty}" (endpoints.entitlements_service_url of the CIS service key).`
  )
}
