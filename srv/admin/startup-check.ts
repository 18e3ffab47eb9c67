import cds from '@sap/cds'
import { adminConfig, connectivityCheckConfig } from './config.js'
import { tenantRoutes } from '../onboarding/tenant-routes.js'
import { ConnectivityCheck, logCheck } from './connectivity-check.js'

const LOG = cds.log('admin')

/**
 * Runs the connectivity check once after start-up and logs it, so that a broken CFAPI or CIS destination shows
 * in the app's log before the first consumer subscribes; when it passes, warms the onboarding caches. Never fails
 * the start: the app serves regardless.
 */
export async function checkConnectivityAtStartup(): Promise<void> {
  if (!adminConfig().checkConnectivityOnStartup) return
  try {
    const results = await new ConnectivityCheck(connectivityCheckConfig()).run()
    logCheck(results)
    if (results.every(result => result.status !== 'Failed')) await tenantRoutes().warmUp()
  } catch (err) {
    LOG.warn('the connectivity check at start-up could not run:', err)
  }
}
