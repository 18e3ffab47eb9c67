import cds from '@sap/cds'
import { accountDataConfig } from '../accounts/config.js'
import { tenantRoutesConfig } from '../onboarding/config.js'
import type { ConnectivityCheckConfig } from './connectivity-check.js'

/** `cds.requires.admin`: how the connectivity check runs. */
export interface AdminConfig {
  /** Runs the connectivity check once when the server listens and logs the outcome. */
  checkConnectivityOnStartup: boolean
  /** Upper bound of one remote call of the connectivity check, retries included. */
  checkTimeoutMs: number
  /**
   * Reconcile leaves a route alone whose tenant is not subscribed while the route is younger than this. A
   * synchronous subscription creates its route first and mtxs records the tenant only after the database is
   * deployed (on HANA, minutes), with no mtxs task to mark it as under way; until then its route looks orphaned.
   */
  orphanGraceMs: number
}

export function adminConfig(): AdminConfig {
  const raw = ((cds.env.requires as Record<string, unknown>).admin ?? {}) as Partial<AdminConfig>
  return {
    // Test runs start one app per file and count remote calls; they call checkConnectivity explicitly instead.
    checkConnectivityOnStartup: !cds.env.profiles?.includes('test'),
    checkTimeoutMs: 10_000,
    orphanGraceMs: 15 * 60_000,
    ...raw
  }
}

/** What the connectivity check looks at: the destinations and CF names the rest of tenant-hub uses. */
export function connectivityCheckConfig(): ConnectivityCheckConfig {
  return { ...tenantRoutesConfig(), cisDestination: accountDataConfig().destination, checkTimeoutMs: adminConfig().checkTimeoutMs }
}
