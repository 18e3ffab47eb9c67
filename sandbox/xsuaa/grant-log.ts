/** How the token endpoint chose the zone: `x-zid` header, `<subdomain>.localhost` host, or the client's home (provider) zone. */
export type ZoneSelector = 'x-zid' | 'subdomain' | 'provider'

export interface GrantRecord {
  clientId: string
  grantType: string
  zoneId: string
  zoneSelector: ZoneSelector | 'in-process'
}

/** The most recent grants (no secrets, no tokens), so tests can see which zone a client asked for. */
export class GrantLog {
  readonly #limit: number
  #records: GrantRecord[] = []

  constructor(limit = 200) {
    this.#limit = limit
  }

  record(grant: GrantRecord): void {
    this.#records.push(grant)
    if (this.#records.length > this.#limit) this.#records.shift()
  }

  list(): GrantRecord[] {
    return [...this.#records]
  }

  clear(): void {
    this.#records = []
  }
}
