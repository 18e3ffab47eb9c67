import type { ClientRegistry } from './clients.js'
import type { GrantLog, ZoneSelector } from './grant-log.js'
import type { TokenIssuer } from './tokens.js'
import type { ClientTokenRequest, IssuedToken, OAuthClient, UserTokenRequest, Zone } from './xsuaa-types.js'
import type { ZoneRegistry } from './zones.js'

/** An in-process token request that cannot be served (unknown zone, bad scope name); the HTTP API answers 400. */
export class InvalidTokenRequestError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InvalidTokenRequestError'
  }
}

/** The simulator's state and its token-granting rules, shared by the HTTP handlers and the in-process API. */
export class XsuaaAuthority {
  readonly zones: ZoneRegistry
  readonly clients: ClientRegistry
  readonly tokens: TokenIssuer
  readonly grants: GrantLog

  constructor(parts: { zones: ZoneRegistry; clients: ClientRegistry; tokens: TokenIssuer; grants: GrantLog }) {
    this.zones = parts.zones
    this.clients = parts.clients
    this.tokens = parts.tokens
    this.grants = parts.grants
  }

  grantClientCredentials(client: OAuthClient, zone: Zone, zoneSelector: ZoneSelector | 'in-process'): IssuedToken {
    this.grants.record({ clientId: client.clientId, grantType: 'client_credentials', zoneId: zone.tenantId, zoneSelector })
    return this.tokens.clientCredentials(client, zone)
  }

  issueClientToken(request: ClientTokenRequest): IssuedToken {
    const zone = request.tenantId ? this.#knownZone(request.tenantId) : this.zones.provider
    return this.grantClientCredentials(this.clients.byRole(request.role), zone, 'in-process')
  }

  issueUserToken(request: UserTokenRequest): IssuedToken {
    if (!request.userName) throw new InvalidTokenRequestError('A user token needs a userName')
    const invalid = request.scopes.find(scope => !/^[A-Za-z0-9_-]+$/.test(scope))
    if (invalid !== undefined) throw new InvalidTokenRequestError(`'${invalid}' is not a local scope name (e.g. Viewer, Admin)`)
    const zone = this.#userZone(request)
    const client = this.clients.byRole('application')
    this.grants.record({ clientId: client.clientId, grantType: 'authorization_code', zoneId: zone.tenantId, zoneSelector: 'in-process' })
    return this.tokens.user(client, zone, request)
  }

  #userZone({ tenantId, subdomain }: UserTokenRequest): Zone {
    const known = this.zones.get(tenantId)
    if (known && subdomain !== undefined && known.subdomain !== subdomain)
      throw new InvalidTokenRequestError(`Zone ${tenantId} has subdomain '${known.subdomain}', not '${subdomain}'`)
    if (known) return known
    if (subdomain === undefined) throw new InvalidTokenRequestError(`Unknown zone ${tenantId}: pass its subdomain to register it`)
    return this.zones.add({ tenantId, subdomain })
  }

  #knownZone(tenantId: string): Zone {
    const zone = this.zones.get(tenantId)
    if (!zone) throw new InvalidTokenRequestError(`Unknown zone ${tenantId}`)
    return zone
  }
}
