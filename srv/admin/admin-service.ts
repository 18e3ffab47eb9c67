import cds from '@sap/cds'
import { checkConnectivity, Drift, reconcile, recreateRoute, Routes, Spaces, Tenants } from '#cds-models/AdminService'
import type { App, ConnectivityCheck as ConnectivityCheckRow, DriftItem, Repair, Route, Space, Tenant } from '#cds-models/AdminService'
import type { App as CfApp } from '../cf/index.js'
import { requireSpaceGuid } from '../onboarding/config.js'
import { tenantRoutes } from '../onboarding/tenant-routes.js'
import { connectivityCheckConfig } from './config.js'
import { ConnectivityCheck } from './connectivity-check.js'
import { forOperators } from './errors.js'
import { answerQuery, type SelectQuery } from './list-query.js'
import { refusalFor } from './provider-only.js'
import { Reconciler } from './reconciler.js'
import { describeRepair, findingId } from './route-drift.js'
import { managedRoutes, type ManagedRoute } from './route-inventory.js'
import { subscribedTenants } from './tenant-directory.js'

/**
 * Operators' view of tenant-hub: tenants from mtxs, routes from CF, the drift between them and its repair, the
 * CF space, and a connectivity check. Nothing is stored; each read asks mtxs and CF and answers the OData
 * query options in memory.
 */
export class AdminService extends cds.ApplicationService {
  override init() {
    this.onlyProviderOperators()
    this.readTenants()
    this.readRoutes()
    this.readDrift()
    this.readSpace()
    this.repairRoutes()
    this.reportConnectivity()
    return super.init()
  }

  /** Refuses callers of other tenants: a consumer subaccount can assign the Admin role to its own users too. */
  private onlyProviderOperators() {
    this.before('*', req => {
      const refusal = refusalFor(req.tenant)
      if (refusal) return req.reject(refusal)
    })
  }

  /** Subscribed tenants with the URL the naming rule gives them. */
  private readTenants() {
    this.on('READ', Tenants, async req => {
      const routes = tenantRoutes()
      const rows = (await subscribedTenants()).map(
        (tenant): Tenant => ({
          ID: tenant.id,
          subdomain: tenant.subdomain ?? null,
          subaccount: tenant.subaccount ?? null,
          globalAccount: tenant.globalAccount ?? null,
          createdAt: tenant.createdAt ?? null,
          modifiedAt: tenant.modifiedAt ?? null,
          url: urlOrNull(() => routes.urlOf(tenant.subdomain))
        })
      )
      return answer(req, rows)
    })
  }

  /** tenant-hub's routes in CF, with the names of the apps they are mapped to. */
  private readRoutes() {
    this.on('READ', Routes, req =>
      operatorErrors(async () => {
        const { cf, config } = tenantRoutes()
        const spaceGuid = requireSpaceGuid(config)
        const [routes, apps] = await Promise.all([managedRoutes(cf, config), cf.listApps(spaceGuid)])
        return answer(req, routes.map(route => routeRow(route, apps, config.approuterApp)))
      })
    )
  }

  /** The drift between tenants and routes, each with what reconcile does about it. */
  private readDrift() {
    this.on('READ', Drift, req =>
      operatorErrors(async () => {
        const { findings, approuter } = await new Reconciler(tenantRoutes()).survey()
        const rows = findings.map(
          (finding): DriftItem => ({
            ID: findingId(finding),
            kind: finding.kind,
            tenant: finding.tenant ?? null,
            route: finding.route?.guid ?? null,
            host: finding.hostname,
            detail: finding.blockedBy ? `${finding.detail} Not repaired by reconcile: ${finding.blockedBy}.` : finding.detail,
            repair: describeRepair(finding, approuter.name) ?? null
          })
        )
        return answer(req, rows)
      })
    )
  }

  /** The CF org and space tenant-hub runs in, and the apps in it with their state. */
  private readSpace() {
    this.on('READ', Spaces, req =>
      operatorErrors(async () => {
        const { cf, config } = tenantRoutes()
        const spaceGuid = requireSpaceGuid(config)
        const [space, apps] = await Promise.all([cf.getSpace(spaceGuid), cf.listApps(spaceGuid)])
        const organizationGuid = space.relationships.organization.data?.guid
        const organization = organizationGuid ? await cf.getOrganization(organizationGuid) : undefined
        const row: Space = {
          guid: space.guid,
          name: space.name,
          organization: organization?.name ?? null,
          organizationGuid: organizationGuid ?? null,
          apps: apps
            .map((app): App => ({ guid: app.guid, name: app.name, state: app.state, isApprouter: app.name === config.approuterApp }))
            .sort((a, b) => a.name!.localeCompare(b.name!))
        }
        return answer(req, [row])
      })
    )
  }

  /** `reconcile(dryRun)` repairs all drift (or reports what it would do); `recreateRoute(tenant)` one tenant's route. */
  private repairRoutes() {
    this.on(reconcile, req => {
      // A repair deletes routes: it runs only when asked for with `false`, never on a missing or mistyped flag.
      const dryRun: unknown = req.data.dryRun
      if (typeof dryRun !== 'boolean')
        return req.reject({ status: 400, code: 'DRY_RUN_REQUIRED', message: 'reconcile needs dryRun: true to list the repairs, false to make them.' })
      return operatorErrors(async (): Promise<Repair[]> => new Reconciler(tenantRoutes()).reconcile(dryRun))
    })

    this.on(recreateRoute, req =>
      operatorErrors(async (): Promise<Route> => {
        const tenant = req.data.tenant
        if (!tenant) return req.reject({ status: 400, code: 'TENANT_REQUIRED', message: 'recreateRoute needs the tenant id: recreateRoute(tenant: "<id>").' })
        const { cf, config } = tenantRoutes()
        const route = await new Reconciler(tenantRoutes()).repairTenant(tenant)
        return routeRow(route, await cf.listApps(requireSpaceGuid(config)), config.approuterApp)
      })
    )
  }

  /** `checkConnectivity()`: CFAPI and CIS, each step with what is wrong. */
  private reportConnectivity() {
    this.on(checkConnectivity, async (): Promise<ConnectivityCheckRow[]> => new ConnectivityCheck(connectivityCheckConfig()).run())
  }
}

/** Answers the request's query options on rows read live. */
function answer<T extends object>(req: cds.Request, rows: T[]) {
  const result = answerQuery(req.query as { SELECT?: SelectQuery }, rows)
  if (result === undefined) return req.reject({ status: 404, code: 'NOT_FOUND', message: `No ${req.target?.name?.split('.').pop()} with this key.` })
  return result
}

/** CF's own errors reach operators as 502 (see `forOperators`). */
async function operatorErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (err) {
    throw forOperators(err)
  }
}

/** A route as the Routes entity shows it; `apps` are those of tenant-hub's space. */
function routeRow(route: ManagedRoute, apps: CfApp[], approuterName: string): Route {
  const appNames = new Map(apps.map(app => [app.guid, app.name]))
  const approuterGuid = apps.find(app => app.name === approuterName)?.guid
  return {
    guid: route.guid,
    host: route.host,
    domain: route.domain,
    url: route.url,
    tenant: route.tenant ?? null,
    mappedApps: route.appGuids.map(guid => appNames.get(guid) ?? guid).join(', '),
    mappedToApprouter: !!approuterGuid && route.appGuids.includes(approuterGuid),
    createdAt: route.createdAt
  }
}

function urlOrNull(url: () => string): string | null {
  try {
    return url()
  } catch {
    return null
  }
}
