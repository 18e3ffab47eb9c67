import type { Zone } from './xsuaa-types.js'

/** The identity zones XSUAA knows: the provider's and those of subscriber subaccounts. */
export interface ZoneRegistry {
  readonly provider: Zone
  get(tenantId: string): Zone | undefined
  findBySubdomain(subdomain: string): Zone | undefined
  /** Registers a zone; registering the same zone again is a no-op, a clashing id or subdomain throws. */
  add(zone: Zone): Zone
  list(): Zone[]
  /** Back to the configured zones. */
  reset(): void
}

const SUBDOMAIN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/

export class MemoryZoneRegistry implements ZoneRegistry {
  readonly provider: Zone
  readonly #initial: Zone[]
  readonly #byId = new Map<string, Zone>()

  constructor(provider: Zone, subscribers: Zone[]) {
    this.provider = provider
    this.#initial = [provider, ...subscribers]
    this.reset()
  }

  get(tenantId: string): Zone | undefined {
    return this.#byId.get(tenantId)
  }

  findBySubdomain(subdomain: string): Zone | undefined {
    const wanted = subdomain.toLowerCase()
    for (const zone of this.#byId.values()) if (zone.subdomain === wanted) return zone
    return undefined
  }

  add(zone: Zone): Zone {
    if (!zone.tenantId) throw new Error('A zone needs a tenant id')
    if (!SUBDOMAIN.test(zone.subdomain)) throw new Error(`'${zone.subdomain}' is not a valid subdomain (lowercase DNS label)`)
    const byId = this.get(zone.tenantId)
    const bySubdomain = this.findBySubdomain(zone.subdomain)
    if (byId && byId === bySubdomain) return byId
    if (byId) throw new Error(`Zone ${zone.tenantId} already exists with subdomain '${byId.subdomain}'`)
    if (bySubdomain) throw new Error(`Subdomain '${zone.subdomain}' already belongs to zone ${bySubdomain.tenantId}`)
    const added = { tenantId: zone.tenantId, subdomain: zone.subdomain }
    this.#byId.set(added.tenantId, added)
    return added
  }

  list(): Zone[] {
    return [...this.#byId.values()].map(zone => ({ ...zone }))
  }

  reset(): void {
    this.#byId.clear()
    for (const zone of this.#initial) this.add(zone)
  }
}
