import { createSigningKey, publicJwk, startSimServer, type SimServer, type SimulatorContext } from '../kernel/index.js'
import { XsuaaAuthority } from './authority.js'
import { xsuaaCredentials } from './bindings.js'
import { ClientRegistry } from './clients.js'
import { resolveXsuaaConfig, type XsuaaConfig } from './config.js'
import { renderXsuaaError } from './errors.js'
import { GrantLog, type GrantRecord } from './grant-log.js'
import { createXsuaaRouter } from './handlers.js'
import { TokenIssuer } from './tokens.js'
import type { ClientRole, ClientTokenRequest, OAuthClient, SaasRegistryCredentials, UserTokenRequest, XsuaaCredentials, Zone } from './xsuaa-types.js'
import { MemoryZoneRegistry, type ZoneRegistry } from './zones.js'

export { InvalidTokenRequestError } from './authority.js'
export { resolveXsuaaConfig, XSUAA_DEFAULTS, type XsuaaConfig } from './config.js'
export type { GrantRecord, ZoneSelector } from './grant-log.js'
export type { ZoneRegistry } from './zones.js'
export type * from './xsuaa-types.js'

export interface XsuaaSnapshot {
  url: string
  zones: Zone[]
  clients: { role: ClientRole; clientId: string; xsappname: string }[]
  grants: GrantRecord[]
}

export interface XsuaaSandbox {
  readonly server: SimServer
  /** `https://localhost:<port>`: the token URL base of every binding (provider zone). */
  readonly url: string
  /** `localhost:<port>`, the bindings' `uaadomain`. */
  readonly uaaDomain: string
  readonly zones: ZoneRegistry
  /** The OAuth client of a binding (its instance id is what the destination simulator reports as `InstanceId`). */
  client(role: ClientRole): OAuthClient
  /** A signed user token of tenant-hub's client; `@sap/xssec` validates it with `bindingCredentials()`. */
  issueUserToken(request: UserTokenRequest): string
  /** A client-credentials token of a binding's client, as `POST /oauth/token` would grant it. */
  issueClientToken(request: ClientTokenRequest): string
  /** The claims of a token this XSUAA signed and that has not expired (how the destination service trusts it). */
  verifyToken(token: string): Record<string, unknown> | undefined
  /** tenant-hub's `xsuaa` binding (plan `application`, tenantmode `shared`). */
  bindingCredentials(): XsuaaCredentials
  /** The XSUAA part of another binding's credentials (the destination simulator adds `uri` and `instanceid`). */
  credentialsFor(role: ClientRole): XsuaaCredentials
  /** tenant-hub's `saas-registry` binding; `saasRegistryUrl` is where the saas-registry simulator listens. */
  saasRegistryBindingCredentials(saasRegistryUrl: string): SaasRegistryCredentials
  snapshot(): XsuaaSnapshot
  /** Back to the configured zones; forgets the grant log. Issued tokens stay valid (same key). */
  reset(): void
  close(): Promise<void>
}

/** Starts the XSUAA simulator (HTTPS on `localhost`, counter/fault name `xsuaa`). */
export async function startXsuaaSandbox(ctx: SimulatorContext, overrides: Partial<XsuaaConfig> = {}): Promise<XsuaaSandbox> {
  const config = resolveXsuaaConfig(overrides)
  const key = createSigningKey(config.keyId)
  let uaaDomain = ''
  const authority = new XsuaaAuthority({
    zones: new MemoryZoneRegistry(config.providerZone, config.subscriberZones),
    clients: new ClientRegistry(config.clients),
    tokens: new TokenIssuer({ key, uaaDomain: () => uaaDomain, xsappname: config.xsappname, validitySeconds: config.tokenValiditySeconds }),
    grants: new GrantLog()
  })
  const server = await startSimServer({
    name: 'xsuaa',
    router: createXsuaaRouter(authority, key),
    counter: ctx.counter,
    faults: ctx.faults,
    renderError: renderXsuaaError,
    tls: config.tls,
    port: config.port
  })
  uaaDomain = `localhost:${server.port}`

  const credentialsFor = (role: ClientRole, tenantmode: XsuaaCredentials['tenantmode'] = 'dedicated'): XsuaaCredentials =>
    xsuaaCredentials(authority.clients.byRole(role), tenantmode, {
      provider: authority.zones.provider,
      uaaDomain,
      verificationKey: publicJwk(key).value
    })

  return {
    server,
    url: server.url,
    uaaDomain,
    zones: authority.zones,
    client: role => authority.clients.byRole(role),
    issueUserToken: request => authority.issueUserToken(request).accessToken,
    issueClientToken: request => authority.issueClientToken(request).accessToken,
    verifyToken: token => authority.tokens.verify(token),
    bindingCredentials: () => credentialsFor('application', 'shared'),
    credentialsFor: role => credentialsFor(role),
    saasRegistryBindingCredentials: saasRegistryUrl => ({
      ...credentialsFor('saas-registry'),
      saas_registry_url: saasRegistryUrl,
      appName: config.appName
    }),
    snapshot: () => ({
      url: server.url,
      zones: authority.zones.list(),
      clients: authority.clients.list().map(({ role, clientId, xsappname }) => ({ role, clientId, xsappname })),
      grants: authority.grants.list()
    }),
    reset: () => {
      authority.zones.reset()
      authority.grants.clear()
    },
    close: () => server.close()
  }
}
