/**
 * The SAP Cloud Management Service (CIS) simulator: the accounts service, the entitlements service (each its own
 * host, as on BTP) and the global accounts' XSUAA token endpoint, over one in-memory store. Composition root.
 */
import { startSimServer, type SimServer, type SimulatorContext } from '../kernel/index.js'
import { AccessTokens, type CisClientRegistration } from './access-tokens.js'
import { resolveCisConfig, type CisSandboxConfig } from './config.js'
import { renderCisError } from './errors.js'
import { createAccountsRouter } from './handlers/accounts.js'
import { bearerAuthenticator } from './handlers/authenticate.js'
import { createEntitlementsRouter } from './handlers/entitlements.js'
import { createTokenRouter } from './handlers/token.js'
import { buildLandscape } from './landscape.js'
import { InMemoryCisStore } from './memory-store.js'
import type { CisStore } from './store.js'
import { subscribingTenantSubaccount } from './seed.js'
import { renderUaaError } from './uaa-errors.js'

export { CisConfigError, DEFAULT_TOKEN_VALIDITY_SECONDS, MAX_SUBACCOUNTS, defaultCisConfig } from './config.js'
export type { CisSandboxConfig, CisSandboxPorts, GlobalAccountConfig } from './config.js'
export { CisErrorCode } from './errors.js'
export { generatedSubaccountGuid } from './generate.js'
export { PROVIDER_SEED, SUBSCRIBER_GLOBAL_ACCOUNT, SUBSCRIBER_SEED } from './seed.js'
export type * from './store.js'
export type * from './wire-types.js'

/** What a central-viewer service key of one global account's CIS instance gives. */
export interface CisCredentials {
  globalAccountGuid: string
  clientId: string
  clientSecret: string
  /** `<uaa.url>/oauth/token` */
  tokenUrl: string
  /** `endpoints.accounts_service_url` */
  accountsUrl: string
  /** `endpoints.entitlements_service_url` */
  entitlementsUrl: string
}

export interface CisSandboxSnapshot {
  accountsUrl: string
  entitlementsUrl: string
  tokenUrl: string
  globalAccounts: Array<{
    guid: string
    displayName: string
    subdomain: string
    clientId: string
    directories: number
    subaccounts: number
    entitledServices: number
    assignments: number
  }>
}

export interface CisSandbox {
  /** The accounts service; counter and fault name `cis`. */
  accounts: SimServer
  /** The entitlements service; counter and fault name `cis`. */
  entitlements: SimServer
  /** The global accounts' XSUAA token endpoint; counter and fault name `cis-uaa`. */
  uaa: SimServer
  /** In memory; tests and the control surface read it. */
  store: CisStore
  /** Client credentials per global account, as a central-viewer service key would give them. */
  credentials: CisCredentials[]
  /** JSON-able summary for the control surface; holds no secrets. */
  snapshot(): CisSandboxSnapshot
  /**
   * Gives a subscribing tenant its subaccount (guid = tenant id) in the global account, as BTP has one for every
   * subscriber; a tenant with a subaccount there already (the seeded demo tenants) is left as it is.
   * `false` when the global account is not simulated.
   */
  ensureSubscriberSubaccount(globalAccountGuid: string, subscriber: { tenantId: string; subdomain: string }): boolean
  /** Reloads the seeded landscapes (same guids as at start); added subscriber subaccounts are gone. */
  reset(): void
  close(): Promise<void>
}

export async function startCisSandbox(ctx: SimulatorContext, overrides: Partial<CisSandboxConfig> = {}): Promise<CisSandbox> {
  const config = resolveCisConfig(overrides)
  const store = new InMemoryCisStore()
  const load = () => store.load(config.globalAccounts.map(buildLandscape))
  load()

  const tokens = new AccessTokens(config.tokenValiditySeconds)
  const authenticate = bearerAuthenticator(tokens, store)
  const clients: CisClientRegistration[] = config.globalAccounts.map(account => ({
    clientId: account.clientId,
    clientSecret: account.clientSecret,
    globalAccountGuid: account.guid,
    zoneSubdomain: store.globalAccount(account.guid)!.subdomain
  }))
  const { counter, faults } = ctx
  const [accounts, entitlements, uaa] = await startAll([
    () =>
      startSimServer({
        name: 'cis',
        router: createAccountsRouter({ store, authenticate }),
        counter,
        faults,
        renderError: renderCisError,
        port: config.ports.accounts
      }),
    () =>
      startSimServer({
        name: 'cis',
        router: createEntitlementsRouter({ store, authenticate }),
        counter,
        faults,
        renderError: renderCisError,
        port: config.ports.entitlements
      }),
    () =>
      startSimServer({
        name: 'cis-uaa',
        router: createTokenRouter({ clients, tokens }),
        counter,
        faults,
        renderError: renderUaaError,
        port: config.ports.uaa
      })
  ])
  const tokenUrl = `${uaa.url}/oauth/token`

  return {
    accounts,
    entitlements,
    uaa,
    store,
    credentials: clients.map(client => ({
      globalAccountGuid: client.globalAccountGuid,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      tokenUrl,
      accountsUrl: accounts.url,
      entitlementsUrl: entitlements.url
    })),
    snapshot: () => ({
      accountsUrl: accounts.url,
      entitlementsUrl: entitlements.url,
      tokenUrl,
      globalAccounts: store.globalAccounts().map(globalAccount => ({
        guid: globalAccount.guid,
        displayName: globalAccount.displayName,
        subdomain: globalAccount.subdomain,
        clientId: clients.find(client => client.globalAccountGuid === globalAccount.guid)!.clientId,
        directories: store.directories(globalAccount.guid).length,
        subaccounts: store.subaccounts(globalAccount.guid).length,
        entitledServices: store.services(globalAccount.guid).length,
        assignments: store.assignments(globalAccount.guid).length
      }))
    }),
    ensureSubscriberSubaccount: (globalAccountGuid, subscriber) => {
      if (!store.globalAccount(globalAccountGuid)) return false
      if (store.subaccount(globalAccountGuid, subscriber.tenantId)) return true
      const { subaccount, assignments } = subscribingTenantSubaccount(globalAccountGuid, subscriber, Date.now())
      store.addSubaccount(subaccount, assignments)
      return true
    },
    reset: load,
    close: async () => {
      await Promise.all([accounts.close(), entitlements.close(), uaa.close()])
    }
  }
}

/** Starts the servers together; when one fails, closes the ones that started and rethrows. */
async function startAll(starts: Array<() => Promise<SimServer>>): Promise<SimServer[]> {
  const results = await Promise.allSettled(starts.map(start => start()))
  const failure = results.find(result => result.status === 'rejected')
  if (!failure) return results.map(result => (result as PromiseFulfilledResult<SimServer>).value)
  await Promise.all(results.map(result => (result.status === 'fulfilled' ? result.value.close() : undefined)))
  throw failure.reason
}
