import { DriftKind } from '#cds-models/AdminService'
import { routeHostFor } from '../onboarding/naming.js'
import type { ManagedRoute } from './route-inventory.js'
import type { SubscribedTenant } from './tenant-directory.js'

/** What reconcile does about one finding. */
export type RepairPlan =
  | { action: 'createRoute'; tenant: { id: string; subdomain: string } }
  | { action: 'mapRoute'; routeGuid: string }
  | { action: 'deleteRoute'; routeGuid: string }

/** One way in which tenants and routes disagree. */
export interface DriftFinding {
  kind: DriftKind
  tenant?: string
  route?: ManagedRoute
  /** The host name concerned: the expected one for a missing route, else the route's. */
  hostname: string
  detail: string
  /** `undefined`: reconcile leaves it to an operator (see `blockedBy`). */
  repair?: RepairPlan
  /** Why reconcile does not repair it on its own. */
  blockedBy?: string
}

export interface DriftInput {
  tenants: readonly SubscribedTenant[]
  routes: readonly ManagedRoute[]
  /** The app every tenant route must be mapped to. */
  approuter: { guid: string; name: string }
  naming: { hostSuffix: string; domain: string }
  /** Tenants with an mtxs operation under way: their routes and metadata do not match yet. */
  busyTenants: ReadonlySet<string>
  /** Routes of unsubscribed tenants younger than this are left alone (see `AdminConfig.orphanGraceMs`). */
  orphanGraceMs: number
  /** The time the routes were read at, in ms since the epoch. */
  now: number
}

/** The order reconcile repairs in: a tenant gets its right route before its wrong ones are deleted. */
export const REPAIR_ORDER: readonly DriftKind[] = [DriftKind.MissingRoute, DriftKind.UnmappedRoute, DriftKind.HostMismatch, DriftKind.OrphanRoute]

/**
 * The difference between mtxs' tenants and the routes in CF (DESIGN.md: "Drift"): a subscribed tenant without
 * the route the naming rule gives it, a route whose tenant is not subscribed, a tenant route not mapped to the
 * approuter, and a tenant route whose host or domain the naming rule no longer gives. Pure: no remote calls.
 */
export function findDrift(input: DriftInput): DriftFinding[] {
  const { routes, approuter, naming, busyTenants, orphanGraceMs, now } = input
  const findings: DriftFinding[] = []
  const subscribed = new Set(input.tenants.map(tenant => tenant.id))

  for (const tenant of input.tenants) {
    const expected = expectedHost(tenant, naming.hostSuffix)
    const own = routes.filter(route => route.tenant === tenant.id)
    const right = expected.host ? own.find(route => route.host === expected.host && route.domain === naming.domain) : undefined
    const busy = busyTenants.has(tenant.id) ? `an mtxs operation of tenant ${tenant.id} is under way` : undefined

    if (!right) {
      const hostname = expected.host ? `${expected.host}.${naming.domain}` : `(no host for subdomain ${JSON.stringify(tenant.subdomain ?? null)})`
      findings.push({
        kind: DriftKind.MissingRoute,
        tenant: tenant.id,
        hostname,
        detail: expected.problem ?? `Tenant ${tenant.id} (subdomain ${tenant.subdomain}) has no route ${hostname}.`,
        ...plan(expected.host && tenant.subdomain ? { action: 'createRoute', tenant: { id: tenant.id, subdomain: tenant.subdomain } } : undefined, busy ?? expected.problem)
      })
    } else if (!right.appGuids.includes(approuter.guid)) {
      findings.push({
        kind: DriftKind.UnmappedRoute,
        tenant: tenant.id,
        route: right,
        hostname: hostnameOf(right),
        detail: `The route ${hostnameOf(right)} of tenant ${tenant.id} is not mapped to the approuter app ${approuter.name}.`,
        ...plan({ action: 'mapRoute', routeGuid: right.guid }, busy)
      })
    }

    for (const wrong of own.filter(route => route !== right)) {
      const keep = !right ? `it is the only route of tenant ${tenant.id} until the right one exists` : undefined
      findings.push({
        kind: DriftKind.HostMismatch,
        tenant: tenant.id,
        route: wrong,
        hostname: hostnameOf(wrong),
        detail: expected.host
          ? `The route ${hostnameOf(wrong)} of tenant ${tenant.id} should be ${expected.host}.${naming.domain} by the naming rule.`
          : `The route ${hostnameOf(wrong)} of tenant ${tenant.id} cannot match the naming rule: ${expected.problem}`,
        // Deleted only once the right route is there; reconcile creates that first (REPAIR_ORDER).
        ...plan({ action: 'deleteRoute', routeGuid: wrong.guid }, busy ?? (expected.host ? undefined : keep))
      })
    }
  }

  for (const route of routes.filter(route => !route.tenant || !subscribed.has(route.tenant))) {
    findings.push({
      kind: DriftKind.OrphanRoute,
      tenant: route.tenant,
      route,
      hostname: hostnameOf(route),
      detail: route.tenant
        ? `The route ${hostnameOf(route)} is labelled for tenant ${route.tenant}, which is not subscribed.`
        : `The route ${hostnameOf(route)} carries tenant-hub's managed-by label but no tenant label.`,
      ...plan({ action: 'deleteRoute', routeGuid: route.guid }, orphanBlocker(route, busyTenants, orphanGraceMs, now))
    })
  }
  return findings.sort((a, b) => REPAIR_ORDER.indexOf(a.kind) - REPAIR_ORDER.indexOf(b.kind))
}

/** Words for a plan, as the Drift entity and reconcile's result show it. */
export function describeRepair(finding: DriftFinding, approuterName: string): string | undefined {
  switch (finding.repair?.action) {
    case 'createRoute':
      return `create route ${finding.hostname} and map it to ${approuterName}`
    case 'mapRoute':
      return `map route ${finding.hostname} to ${approuterName}`
    case 'deleteRoute':
      return `delete route ${finding.hostname}`
    default:
      return undefined
  }
}

/** A stable key of a finding: kind, tenant and route. */
export function findingId(finding: DriftFinding): string {
  return `${finding.kind}:${finding.tenant ?? '-'}:${finding.route?.guid ?? '-'}`
}

/** Why an orphan route must stay for now: a subscription of its tenant may still be on its way. */
function orphanBlocker(route: ManagedRoute, busyTenants: ReadonlySet<string>, graceMs: number, now: number): string | undefined {
  if (!route.tenant) return undefined // tenant-hub labels a route with its tenant when it creates it
  if (busyTenants.has(route.tenant)) return `an mtxs operation of tenant ${route.tenant} is under way`
  const ageMs = now - Date.parse(route.createdAt)
  if (!(ageMs < graceMs)) return undefined
  return (
    `it was created ${Math.max(0, Math.round(ageMs / 1000))} s ago, and a subscription of tenant ${route.tenant} may still be deploying ` +
    `its database (mtxs records a tenant only then); reconcile deletes it once it is ${Math.round(graceMs / 60_000)} min old`
  )
}

function plan(repair: RepairPlan | undefined, blockedBy: string | undefined): Pick<DriftFinding, 'repair' | 'blockedBy'> {
  if (blockedBy || !repair) return { blockedBy: blockedBy ?? 'it needs an operator' }
  return { repair }
}

function expectedHost(tenant: SubscribedTenant, hostSuffix: string): { host?: string; problem?: string } {
  if (!tenant.subdomain) return { problem: `Tenant ${tenant.id} has no subdomain in its mtxs metadata, so no host can be formed for it.` }
  try {
    return { host: routeHostFor(tenant.subdomain, hostSuffix) }
  } catch (err) {
    return { problem: (err as Error).message }
  }
}

function hostnameOf(route: ManagedRoute): string {
  return route.domain ? `${route.host}.${route.domain}` : route.host
}
