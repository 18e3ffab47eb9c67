import cds from '@sap/cds'
import { DriftKind, RepairOutcome } from '#cds-models/AdminService'
import { requireSpaceGuid } from '../onboarding/config.js'
import type { TenantRoutes } from '../onboarding/tenant-routes.js'
import { adminConfig } from './config.js'
import { RouteNotRepairableError, TenantBusyError, TenantNotFoundError } from './errors.js'
import { describeRepair, findDrift, type DriftFinding, type RepairPlan } from './route-drift.js'
import { managedRoute, managedRoutes, type ManagedRoute } from './route-inventory.js'
import { subscribedTenants, tenantsBusyInMtxs, type SubscribedTenant } from './tenant-directory.js'

const LOG = cds.log('admin')

/** Tenants, routes and their drift, read at one moment. */
export interface Survey {
  tenants: SubscribedTenant[]
  routes: ManagedRoute[]
  approuter: { guid: string; name: string }
  busyTenants: Set<string>
  findings: DriftFinding[]
}

/** What reconcile did, or would do, about one finding. */
export interface RepairRecord {
  kind: DriftKind
  tenant: string | null
  route: string | null
  host: string
  /** What the repair does; null when reconcile cannot repair it on its own. */
  action: string | null
  outcome: RepairOutcome
  /** Why it failed or was skipped. */
  message: string | null
}

/**
 * Compares mtxs' tenants with tenant-hub's routes in CF and repairs the difference through the same
 * `TenantRoutes` the onboarding hooks use. Every repair is idempotent, so two operators reconciling at once,
 * or a reconcile racing a subscription's own route step, end in the same state.
 */
export class Reconciler {
  readonly #routes: TenantRoutes

  constructor(routes: TenantRoutes) {
    this.#routes = routes
  }

  async survey(): Promise<Survey> {
    const { cf, config } = this.#routes
    // A blue-green deploy gives the approuter a new guid: never judge mappings by a cached one.
    cf.forgetGuids()
    const [tenants, routes, busyTenants, approuterGuid] = await Promise.all([
      subscribedTenants(),
      managedRoutes(cf, config),
      tenantsBusyInMtxs(),
      cf.appGuid(requireSpaceGuid(config), config.approuterApp)
    ])
    const approuter = { guid: approuterGuid, name: config.approuterApp }
    const { orphanGraceMs } = adminConfig()
    return { tenants, routes, approuter, busyTenants, findings: findDrift({ tenants, routes, approuter, naming: config, busyTenants, orphanGraceMs, now: Date.now() }) }
  }

  /**
   * Repairs every finding it can, in `REPAIR_ORDER`, and reports each one; a failed repair does not stop the
   * others. A tenant's mismatched route is deleted only after its right route exists. `dryRun` changes nothing.
   */
  async reconcile(dryRun: boolean): Promise<RepairRecord[]> {
    const { findings, approuter } = await this.survey()
    const records: RepairRecord[] = []
    const withoutRightRoute = new Set<string>()
    for (const finding of findings) {
      const record = {
        kind: finding.kind,
        tenant: finding.tenant ?? null,
        route: finding.route?.guid ?? null,
        host: finding.hostname,
        action: describeRepair(finding, approuter.name) ?? null,
        message: null
      }
      const holdBack = finding.kind === DriftKind.HostMismatch && finding.tenant && withoutRightRoute.has(finding.tenant)
      if (!finding.repair || holdBack) {
        if (finding.kind === DriftKind.MissingRoute && finding.tenant) withoutRightRoute.add(finding.tenant)
        const why = holdBack ? `it is kept while tenant ${finding.tenant} has no right route` : finding.blockedBy
        records.push({ ...record, outcome: RepairOutcome.Skipped, message: `Not repaired: ${why}.` })
        continue
      }
      if (dryRun) {
        records.push({ ...record, outcome: RepairOutcome.Planned })
        continue
      }
      try {
        await this.#apply(finding.repair, approuter.guid)
        records.push({ ...record, outcome: RepairOutcome.Done })
      } catch (err) {
        if (finding.kind === DriftKind.MissingRoute && finding.tenant) withoutRightRoute.add(finding.tenant)
        LOG.error('reconcile could not', record.action, '-', err)
        records.push({ ...record, outcome: RepairOutcome.Failed, message: (err as Error).message })
      }
    }
    if (!dryRun && records.length) LOG.info('reconcile:', summary(records))
    return records
  }

  /**
   * Makes one tenant's route right: the route the naming rule gives it exists and is mapped to the approuter,
   * and its other routes are gone. Refuses tenants that are not subscribed or are being (un)subscribed.
   */
  async repairTenant(tenantId: string): Promise<ManagedRoute> {
    const [tenants, busyTenants] = await Promise.all([subscribedTenants(), tenantsBusyInMtxs()])
    const tenant = tenants.find(candidate => candidate.id === tenantId)
    if (!tenant) throw new TenantNotFoundError(tenantId)
    if (busyTenants.has(tenantId)) throw new TenantBusyError(tenantId)
    if (!tenant.subdomain) throw new RouteNotRepairableError(`Tenant ${tenantId} has no subdomain in its mtxs metadata, so no route can be made for it.`)

    const { route } = await this.#routes.ensureRoute({ id: tenantId, subdomain: tenant.subdomain })
    const own = await this.#routes.routesOf(tenantId)
    for (const other of own.filter(candidate => candidate.guid !== route.guid)) {
      await this.#routes.cf.deleteRoute(other.guid)
      LOG.info('removed route', other.url, 'of tenant', tenantId, '- it does not follow the naming rule')
    }
    const current = own.find(candidate => candidate.guid === route.guid) ?? route
    return managedRoute(current, this.#routes.config.domain)
  }

  async #apply(repair: RepairPlan, approuterGuid: string): Promise<void> {
    switch (repair.action) {
      case 'createRoute':
        await this.#routes.ensureRoute(repair.tenant)
        return
      case 'mapRoute':
        await this.#routes.cf.mapRoute(repair.routeGuid, approuterGuid)
        return
      case 'deleteRoute':
        await this.#routes.cf.deleteRoute(repair.routeGuid)
        return
    }
  }
}

function summary(records: RepairRecord[]): string {
  const counts = new Map<string, number>()
  for (const record of records) counts.set(record.outcome, (counts.get(record.outcome) ?? 0) + 1)
  return [...counts].map(([outcome, count]) => `${count} ${outcome.toLowerCase()}`).join(', ')
}
