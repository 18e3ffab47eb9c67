/** One find-destination request, in arrival order (no properties, no tokens). */
export interface LookupRecord {
  name: string
  subaccountId: string
  skipTokenRetrieval: boolean
  /** Which level answered, `null` for a 404. */
  foundOn: 'instance' | 'subaccount' | null
}

/** The most recent find-destination requests, so tests can see the Cloud SDK's lookup sequence. */
export class LookupLog {
  readonly #limit: number
  #records: LookupRecord[] = []

  constructor(limit = 200) {
    this.#limit = limit
  }

  record(lookup: LookupRecord): void {
    this.#records.push(lookup)
    if (this.#records.length > this.#limit) this.#records.shift()
  }

  list(): LookupRecord[] {
    return [...this.#records]
  }

  clear(): void {
    this.#records = []
  }
}
