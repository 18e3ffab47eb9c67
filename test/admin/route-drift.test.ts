import { findDrift, type DriftInput } from '../../srv/admin/route-drift.js'
import type { ManagedRoute } from '../../srv/admin/route-inventory.js'

const APPROUTER = { guid: 'approuter-guid', name: 'tenant-hub' }
const NAMING = { hostSuffix: 'tenant-hub', domain: 'cfapps.example.com' }

function route(host: string, tenant: string | undefined, overrides: Partial<ManagedRoute> = {}): ManagedRoute {
  return { guid: `guid-of-${host}`, host, domain: NAMING.domain, url: `https://${host}.${NAMING.domain}`, tenant, appGuids: [APPROUTER.guid], createdAt: '2026-01-01T00:00:00Z', ...overrides }
}
const GRACE_MS = 15 * 60_000
const NOW = Date.parse('2026-06-01T12:00:00Z')
const drift = (input: Partial<DriftInput>) =>
  findDrift({ tenants: [], routes: [], approuter: APPROUTER, naming: NAMING, busyTenants: new Set(), orphanGraceMs: GRACE_MS, now: NOW, ...input })
const createdAgo = (ms: number) => new Date(NOW - ms).toISOString()

describe('findDrift', () => {
  test('a tenant with its route, mapped to the approuter, is no drift', () => {
    expect(drift({ tenants: [{ id: 't1', subdomain: 'Acme' }], routes: [route('acme-tenant-hub', 't1')] })).toEqual([])
  })

  test('a route on another domain than the naming rule’s is a host mismatch, and the tenant misses its route', () => {
    const findings = drift({ tenants: [{ id: 't1', subdomain: 'acme' }], routes: [route('acme-tenant-hub', 't1', { domain: 'old.example.com' })] })
    expect(findings).toMatchObject([
      { kind: 'MissingRoute', tenant: 't1', hostname: 'acme-tenant-hub.cfapps.example.com', repair: { action: 'createRoute', tenant: { id: 't1', subdomain: 'acme' } } },
      { kind: 'HostMismatch', tenant: 't1', hostname: 'acme-tenant-hub.old.example.com', repair: { action: 'deleteRoute', routeGuid: 'guid-of-acme-tenant-hub' } }
    ])
  })

  test('a tenant whose subdomain cannot form a host needs an operator, and its only route is kept', () => {
    const findings = drift({ tenants: [{ id: 't1', subdomain: 'acme_corp' }], routes: [route('acme-corp-tenant-hub', 't1')] })
    expect(findings).toMatchObject([
      { kind: 'MissingRoute', blockedBy: expect.stringContaining('"acme_corp"') },
      { kind: 'HostMismatch', blockedBy: expect.stringContaining('only route of tenant t1') }
    ])
    expect(findings.map(finding => finding.repair)).toEqual([undefined, undefined])
  })

  test('a tenant without a subdomain in its metadata needs an operator', () => {
    const findings = drift({ tenants: [{ id: 't1' }] })
    expect(findings).toMatchObject([{ kind: 'MissingRoute', detail: expect.stringContaining('no subdomain') }])
    expect(findings[0].repair).toBeUndefined()
  })

  test('a route with the managed-by label but no tenant label is an orphan', () => {
    expect(drift({ routes: [route('stray-tenant-hub', undefined)] })).toMatchObject([{ kind: 'OrphanRoute', tenant: undefined, repair: { action: 'deleteRoute' } }])
  })

  test('nothing of a tenant with an mtxs operation under way is repaired', () => {
    const findings = drift({
      tenants: [{ id: 't1', subdomain: 'acme' }],
      routes: [route('acme-tenant-hub', 't1', { appGuids: [] }), route('newco-tenant-hub', 't2')],
      busyTenants: new Set(['t1', 't2'])
    })
    expect(findings).toMatchObject([
      { kind: 'UnmappedRoute', blockedBy: expect.stringContaining('under way') },
      { kind: 'OrphanRoute', blockedBy: expect.stringContaining('under way') }
    ])
    expect(findings.map(finding => finding.repair)).toEqual([undefined, undefined])
  })

  test('a young route of a tenant mtxs does not know is kept: a synchronous subscription may still be deploying', () => {
    const [finding] = drift({ routes: [route('newco-tenant-hub', 't2', { createdAt: createdAgo(2 * 60_000) })] })
    expect(finding).toMatchObject({ kind: 'OrphanRoute', tenant: 't2', blockedBy: expect.stringContaining('created 120 s ago') })
    expect(finding.blockedBy).toContain('once it is 15 min old')
    expect(finding.repair).toBeUndefined()
  })

  test('once older than the grace, the route of a tenant mtxs does not know is deleted', () => {
    expect(drift({ routes: [route('gone-tenant-hub', 't2', { createdAt: createdAgo(GRACE_MS + 1000) })] })).toMatchObject([
      { kind: 'OrphanRoute', repair: { action: 'deleteRoute', routeGuid: 'guid-of-gone-tenant-hub' } }
    ])
  })

  test('a young route without a tenant label gets no grace: tenant-hub labels the routes it creates', () => {
    expect(drift({ routes: [route('stray-tenant-hub', undefined, { createdAt: createdAgo(1000) })] })).toMatchObject([
      { kind: 'OrphanRoute', repair: { action: 'deleteRoute' } }
    ])
  })
})
