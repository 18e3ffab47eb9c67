/**
 * The btp-terraform recordings of the accounts service (`../shared/specs/recordings/btp-terraform`) and a shape
 * comparison against them. The recordings went through the btp CLI server, which rewrites dates as
 * "May 11, 2023, 8:59:23 AM"; the wire has epoch-millisecond numbers, so a recorded date string is compared as a date.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export type JsonObject = Record<string, unknown>

const SHARED_SPECS = new URL('../../../../shared/specs/', import.meta.url)

export function readSharedSpec<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(relativePath, SHARED_SPECS)), 'utf8')) as T
}

interface Recording {
  interactions: Array<{ request_url: string; backend_status: string; response_body: unknown }>
}

function recordedBody(name: string, interaction: number): unknown {
  return readSharedSpec<Recording>(`recordings/btp-terraform/terraform-provider-btp_${name}.json`).interactions[interaction].response_body
}

/** The recorded answers, one accessor per recording. */
export const recorded = {
  /** `GET /accounts/v1/subaccounts` */
  subaccountList: () => recordedBody('subaccount_list', 0) as { value: JsonObject[] },
  /** `GET /accounts/v1/subaccounts/{guid}` of a root subaccount with labels and a description. */
  subaccountGet: () => recordedBody('subaccount_get', 1) as JsonObject,
  /** The CLI's rendering of the 404: `Subaccount <guid> not found [Error: 20004/404]`. */
  subaccountNotFound: () => {
    const body = recordedBody('subaccount_not_found', 0) as { error: string }
    const match = /^(.*) \[Error: (\d+)\/(\d+)\]$/.exec(body.error)
    if (!match) throw new Error(`unexpected recorded error ${body.error}`)
    return { message: match[1], code: Number(match[2]), status: Number(match[3]) }
  },
  /** `GET /accounts/v1/globalAccount?expand=true` */
  globalAccountWithHierarchy: () => recordedBody('globalaccount_with_hierarchy', 0) as JsonObject,
  /** `GET /accounts/v1/directories/{guid}` of two PROJECT directories, one with labels. */
  directoryGets: () => [recordedBody('directory_get', 1), recordedBody('directory_get', 2)] as JsonObject[]
}

/** Every directory and subaccount of an expanded global account or directory, depth first. */
export function flattenHierarchy(root: JsonObject): { directories: JsonObject[]; subaccounts: JsonObject[] } {
  const directories: JsonObject[] = []
  const subaccounts: JsonObject[] = [...((root.subaccounts as JsonObject[] | undefined) ?? [])]
  for (const child of (root.children as JsonObject[] | undefined) ?? []) {
    directories.push(child)
    const below = flattenHierarchy(child)
    directories.push(...below.directories)
    subaccounts.push(...below.subaccounts)
  }
  return { directories, subaccounts }
}

const CLI_DATE = /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2} [AP]M$/

/** A recorded CLI date as the epoch milliseconds the wire would carry (the CLI shows UTC). */
export function cliDateToEpochMillis(value: string): number {
  return Date.parse(`${value} UTC`)
}

/** A recorded payload with every CLI date string replaced by epoch milliseconds, i.e. as the wire sends it. */
export function withWireDates<T>(value: T): T {
  if (typeof value === 'string' && CLI_DATE.test(value)) return cliDateToEpochMillis(value) as T
  if (Array.isArray(value)) return value.map(withWireDates) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, withWireDates(field)])) as T
  }
  return value
}

type FieldKind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'date'

interface FieldShape {
  kinds: Set<FieldKind>
  /** In how many samples the field is present. */
  count: number
  /** Shape of array elements: a catalog for objects, kinds for primitives. */
  items?: ShapeCatalog
  itemKinds: Set<FieldKind>
}

/** Field names, JSON kinds and nesting seen across recorded samples of one kind of entity. */
export interface ShapeCatalog {
  samples: number
  fields: Map<string, FieldShape>
}

function kindOf(value: unknown, side: 'recorded' | 'wire'): FieldKind {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (side === 'recorded' && typeof value === 'string' && CLI_DATE.test(value)) return 'date'
  if (side === 'wire' && Number.isInteger(value) && (value as number) > 1e12) return 'date'
  return typeof value as FieldKind
}

export function shapeCatalog(samples: readonly JsonObject[]): ShapeCatalog {
  const fields = new Map<string, FieldShape>()
  const nested = new Map<string, JsonObject[]>()
  for (const sample of samples) {
    for (const [key, value] of Object.entries(sample)) {
      let shape = fields.get(key)
      if (!shape) fields.set(key, (shape = { kinds: new Set(), count: 0, itemKinds: new Set() }))
      shape.kinds.add(kindOf(value, 'recorded'))
      shape.count++
      if (!Array.isArray(value)) continue
      for (const item of value) {
        shape.itemKinds.add(kindOf(item, 'recorded'))
        if (item && typeof item === 'object' && !Array.isArray(item)) nested.set(key, [...(nested.get(key) ?? []), item as JsonObject])
      }
    }
  }
  for (const [key, items] of nested) fields.get(key)!.items = shapeCatalog(items)
  return { samples: samples.length, fields }
}

export interface ShapeOptions {
  /** Kinds accepted for a field beyond the recorded ones, each with its reason at the call site. */
  alsoAllowed?: Record<string, FieldKind[]>
  /** Catalogs for nested arrays of other entity kinds (`children`, `subaccounts`), checked recursively. */
  nested?: Record<string, ShapeCatalog>
}

/**
 * Differences between a wire object and the recorded shape: unrecorded field names, kinds the recordings never
 * show (a recorded date must be an epoch-millisecond integer on the wire), fields every recording has but the
 * wire object lacks, and the same for nested arrays of objects.
 */
export function shapeMismatches(actual: JsonObject, catalog: ShapeCatalog, options: ShapeOptions = {}, path = '$'): string[] {
  const problems: string[] = []
  for (const [key, value] of Object.entries(actual)) {
    const shape = catalog.fields.get(key)
    const at = `${path}.${key}`
    if (!shape) {
      problems.push(`${at}: field not in the recordings`)
      continue
    }
    const kind = kindOf(value, 'wire')
    if (!shape.kinds.has(kind) && !options.alsoAllowed?.[key]?.includes(kind)) {
      problems.push(`${at}: ${kind}, recorded as ${[...shape.kinds].join('|')}`)
    }
    if (!Array.isArray(value)) continue
    const nestedCatalog = options.nested?.[key] ?? shape.items
    value.forEach((item, index) => {
      if (nestedCatalog && item && typeof item === 'object') {
        problems.push(...shapeMismatches(item as JsonObject, nestedCatalog, options, `${at}[${index}]`))
      } else if (!shape.itemKinds.has(kindOf(item, 'wire'))) {
        problems.push(`${at}[${index}]: ${kindOf(item, 'wire')}, recorded as ${[...shape.itemKinds].join('|')}`)
      }
    })
  }
  for (const [key, shape] of catalog.fields) {
    if (shape.count === catalog.samples && !(key in actual)) problems.push(`${path}.${key}: missing, present in every recording`)
  }
  return problems
}
