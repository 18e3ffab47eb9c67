import type { DestinationLevel, DestinationProperties } from './destination-types.js'

/** Destinations per subaccount and per service instance. */
export interface DestinationStore {
  /** Creates or replaces the destination of that name on that level. */
  put(level: DestinationLevel, destination: DestinationProperties): void
  get(level: DestinationLevel, name: string): DestinationProperties | undefined
  /** `false` when there was nothing to delete. */
  delete(level: DestinationLevel, name: string): boolean
  list(level: DestinationLevel): DestinationProperties[]
  /** Every level that holds at least one destination. */
  levels(): DestinationLevel[]
  clear(): void
}

/** A destination the Destination service would refuse to store. */
export class InvalidDestinationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InvalidDestinationError'
  }
}

const NAME = /^[A-Za-z0-9_-]{1,200}$/
const TYPES = new Set(['HTTP', 'RFC', 'LDAP', 'MAIL'])

export class MemoryDestinationStore implements DestinationStore {
  readonly #byLevel = new Map<string, { level: DestinationLevel; destinations: Map<string, DestinationProperties> }>()

  put(level: DestinationLevel, destination: DestinationProperties): void {
    validate(destination)
    const key = levelKey(level)
    let entry = this.#byLevel.get(key)
    if (!entry) this.#byLevel.set(key, (entry = { level: { ...level }, destinations: new Map() }))
    entry.destinations.set(destination.Name, { ...destination })
  }

  get(level: DestinationLevel, name: string): DestinationProperties | undefined {
    const destination = this.#byLevel.get(levelKey(level))?.destinations.get(name)
    return destination && { ...destination }
  }

  delete(level: DestinationLevel, name: string): boolean {
    const key = levelKey(level)
    const entry = this.#byLevel.get(key)
    const deleted = entry?.destinations.delete(name) ?? false
    if (entry?.destinations.size === 0) this.#byLevel.delete(key)
    return deleted
  }

  list(level: DestinationLevel): DestinationProperties[] {
    return [...(this.#byLevel.get(levelKey(level))?.destinations.values() ?? [])].map(d => ({ ...d }))
  }

  levels(): DestinationLevel[] {
    return [...this.#byLevel.values()].map(entry => ({ ...entry.level }))
  }

  clear(): void {
    this.#byLevel.clear()
  }
}

function levelKey({ subaccountId, instanceId }: DestinationLevel): string {
  return instanceId ? `${subaccountId}/instance/${instanceId}` : `${subaccountId}/subaccount`
}

function validate(destination: DestinationProperties): void {
  if (!NAME.test(destination.Name ?? '')) {
    throw new InvalidDestinationError(`Destination name '${destination.Name}' must be 1-200 letters, digits, '_' or '-'`)
  }
  if (!TYPES.has(destination.Type)) throw new InvalidDestinationError(`Destination ${destination.Name}: Type must be one of ${[...TYPES].join(', ')}`)
  const nonString = Object.entries(destination).find(([, value]) => typeof value !== 'string')
  if (nonString) throw new InvalidDestinationError(`Destination ${destination.Name}: property ${nonString[0]} must be a string`)
}
