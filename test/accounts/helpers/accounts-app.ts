import cds from '@sap/cds'
import { randomUUID } from 'node:crypto'
import { SyncStatuses } from '#cds-models/tenanthub'
import type { AccountDataConfig } from '../../../srv/accounts/config.js'
import { SYNC_STATUS_ID } from '../../../srv/accounts/replica-store.js'
import { DEMO_TENANTS, PROVIDER } from '../../../sandbox/identities.js'
import { cisDestination } from '../../../sandbox/landscape-destinations.js'
import { sandboxApp, type SandboxApp, type SandboxAppOptions } from '../../helpers/sandbox-app.js'

export { DEMO_TENANTS, PROVIDER }

/** A subscriber of one test: a fresh tenant id and a subdomain unique within the test file. */
export interface TestTenant {
  tenantId: string
  subdomain: string
}

/** Account-data settings for tests: backoffs and timeouts short enough to wait for. */
export const TEST_ACCOUNT_DATA: Partial<AccountDataConfig> = {
  requestTimeoutMs: 1_000,
  requestAttempts: 2,
  retryBackoffMs: 10,
  failureBackoffMs: 60_000,
  rateLimitBackoffMs: 7_000,
  // The tests age replicas by rewriting their sync status; an instance trusting "fresh" in memory would not see it.
  freshTrustMs: 0
}

export interface AccountsAppOptions extends SandboxAppOptions {
  /** `cds.requires['account-data']` of the app under test (default: `TEST_ACCOUNT_DATA`). */
  accountData?: Partial<AccountDataConfig>
}

export interface AccountsApp {
  readonly app: SandboxApp
  /** `GET /odata/v4/accounts/<path>` as a Viewer of the tenant (a real XSUAA user token). */
  read(tenant: string, path: string, headers?: Record<string, string>): Promise<Response>
  /** `POST /odata/v4/accounts/refresh` as a Viewer of the tenant. */
  refresh(tenant: string): Promise<Response>
  /** Request options carrying a user token of the tenant with the given scopes. */
  as(tenant: string, scopes?: string[]): { headers: Record<string, string> }
  /** Subscribes the tenant through the sandbox's saas-registry, as BTP would (route, database, CIS subaccount). */
  subscribe(tenant: TestTenant): Promise<void>
  /** A new tenant, subscribed; its subaccount is in the provider's global account. */
  newSubscriber(prefix?: string): Promise<TestTenant>
  /**
   * A new subscriber that brings its own CIS destination for a global account of the sandbox (default: the
   * provider's, so that a fresh tenant replicates a whole global account).
   */
  newSubscriberWithOwnCis(globalAccountGuid?: string): Promise<TestTenant>
  /** A new subscriber whose subaccount CIS does not know (subscribed straight through the provisioning endpoint). */
  newSubscriberUnknownToCis(): Promise<TestTenant>
  /** `POST /odata/v4/accounts/$batch` (JSON format) as a Viewer of the tenant. */
  batch(tenant: string, urls: string[]): Promise<Response>
  /** Makes the tenant's replica look synced `ms` earlier, so that the next read finds it stale; answers the new time. */
  ageReplica(tenantId: string, ms: number): Promise<string>
  /** Calls of the CIS simulator (accounts + entitlements) since the last reset, optionally of one endpoint. */
  cisCalls(endpoint?: string): number
}

export interface Response {
  status: number
  headers: Record<string, string>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- OData bodies are asserted field by field
  data: any
}

let tenantCount = 0

/**
 * tenant-hub on the sandbox for one account-data test file, with XSUAA auth as in the cloud. The landscape
 * (faults, counters, CIS data, destinations) and the app's destination cache are reset before every test.
 */
export function accountsApp(options: AccountsAppOptions = {}): AccountsApp {
  const { accountData = TEST_ACCOUNT_DATA, ...sandboxOptions } = options
  process.env.CDS_CONFIG = JSON.stringify({ requires: { 'account-data': accountData } })
  const app = sandboxApp({ auth: 'xsuaa', ...sandboxOptions })
  app.test.axios.defaults.validateStatus = () => true
  beforeEach(() => app.reset())

  const as = (tenant: string, scopes = ['Viewer']) => ({
    headers: { authorization: `Bearer ${app.sandbox.issueUserToken({ tenant, scopes })}` }
  })
  const subscribe = async (tenant: TestTenant) => {
    const result = await app.sandbox.saas.registry.subscribe({ subdomain: tenant.subdomain, tenantId: tenant.tenantId })
    if (result.state !== 'SUBSCRIBED') throw new Error(`subscribing ${tenant.subdomain} failed: ${result.error}`)
  }
  const newTenant = (prefix: string): TestTenant => {
    tenantCount += 1
    return { tenantId: randomUUID(), subdomain: `${prefix}-${tenantCount}` }
  }
  const newSubscriber = async (prefix = 'tenant') => {
    const tenant = newTenant(prefix)
    await subscribe(tenant)
    return tenant
  }
  return {
    app,
    read: (tenant, path, headers = {}) => {
      const options = as(tenant)
      return app.test.GET(`/odata/v4/accounts/${path}`, { headers: { ...options.headers, ...headers } })
    },
    refresh: tenant => app.test.POST('/odata/v4/accounts/refresh', {}, as(tenant)),
    as,
    subscribe,
    newSubscriber,
    newSubscriberWithOwnCis: async (globalAccountGuid = PROVIDER.globalAccountGuid) => {
      const tenant = await newSubscriber('own-cis')
      const credentials = app.sandbox.cis.credentials.find(candidate => candidate.globalAccountGuid === globalAccountGuid)
      if (!credentials) throw new Error(`the sandbox simulates no global account ${globalAccountGuid}`)
      app.sandbox.putDestination({ tenant: tenant.tenantId, destination: cisDestination(credentials) })
      return tenant
    },
    newSubscriberUnknownToCis: async () => {
      const tenant = newTenant('unknown')
      app.sandbox.registerSubscriber({ tenantId: tenant.tenantId, subdomain: tenant.subdomain })
      const callback = { headers: { authorization: `Bearer ${app.sandbox.xsuaa.issueClientToken({ role: 'saas-registry' })}` } }
      const body = { subscribedTenantId: tenant.tenantId, subscribedSubdomain: tenant.subdomain, subscribedSubaccountId: tenant.tenantId, eventType: 'CREATE' }
      const res = await app.test.PUT(`/-/cds/saas-provisioning/tenant/${tenant.tenantId}`, body, callback)
      if (res.status !== 200) throw new Error(`subscribing ${tenant.subdomain} failed: ${res.status}`)
      return tenant
    },
    batch: (tenant, urls) =>
      app.test.POST('/odata/v4/accounts/$batch', { requests: urls.map((url, n) => ({ id: String(n + 1), method: 'GET', url })) }, as(tenant)),
    ageReplica: async (tenantId, ms) => {
      const status = await cds.tx({ tenant: tenantId }, tx => tx.run(SELECT.one.from(SyncStatuses).where({ ID: SYNC_STATUS_ID })))
      if (!status?.lastSyncedAt) throw new Error(`tenant ${tenantId} has no synced replica to age`)
      const lastSyncedAt = new Date(Date.parse(status.lastSyncedAt) - ms).toISOString()
      await cds.tx({ tenant: tenantId }, tx => tx.run(UPDATE(SyncStatuses).set({ lastSyncedAt }).where({ ID: SYNC_STATUS_ID })))
      return lastSyncedAt
    },
    cisCalls: endpoint => app.sandbox.counter.count('cis', endpoint)
  }
}
