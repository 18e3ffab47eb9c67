/** Counts requests per simulator and endpoint label (`METHOD /pattern`). */
export class CallCounter {
  readonly #counts = new Map<string, Map<string, number>>()

  record(simulator: string, endpoint: string): void {
    let bySimulator = this.#counts.get(simulator)
    if (!bySimulator) this.#counts.set(simulator, (bySimulator = new Map()))
    bySimulator.set(endpoint, (bySimulator.get(endpoint) ?? 0) + 1)
  }

  /** Calls of one simulator, optionally of one endpoint. */
  count(simulator: string, endpoint?: string): number {
    const bySimulator = this.#counts.get(simulator)
    if (!bySimulator) return 0
    if (endpoint) return bySimulator.get(endpoint) ?? 0
    let total = 0
    for (const n of bySimulator.values()) total += n
    return total
  }

  /** `{ cf: { 'POST /v3/routes': 2, ... }, uaa: {...} }` */
  snapshot(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {}
    for (const [simulator, endpoints] of this.#counts) out[simulator] = Object.fromEntries(endpoints)
    return out
  }

  reset(): void {
    this.#counts.clear()
  }
}
