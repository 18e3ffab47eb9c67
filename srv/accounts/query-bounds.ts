/**
 * Bounds on what one OData read of the replica may ask the database for. CAP pages the entity set read
 * (`@cds.query.limit`) but neither a negative `$top` (SQLite reads `LIMIT -1` as "no limit") nor the collections
 * nested in it: each to-many step of `$expand` or of an `any`/`all` lambda multiplies the rows, and a path that
 * runs back to a large collection (`Subaccounts → globalAccount → subaccounts → globalAccount → subaccounts`)
 * takes minutes and ends in "string or blob too big". Such reads are refused with 400 before any sync or query.
 */

/** Collections along one path of a read: the entity set read (unless one row is read), then each to-many step. */
export const MAX_NESTED_COLLECTIONS = 2

/** What `req.reject` takes: a message key of `_i18n/messages.properties` with its arguments. */
export interface QueryRefusal {
  status: 400
  code: 'QUERY_NEGATIVE_LIMIT' | 'QUERY_TOO_NESTED'
  message: QueryRefusal['code']
  args: string[]
}

/** The parts of a linked CSN entity this module reads. */
export interface EntityShape {
  name: string
  elements: Record<string, { is2many?: boolean; _target?: EntityShape } | undefined>
}

type Token = unknown
type Step = string | { id: string; where?: Token[] }

interface Limit {
  rows?: { val?: unknown }
  offset?: { val?: unknown }
}

interface Column {
  ref?: string[]
  expand?: Array<Column | '*'>
  where?: Token[]
  limit?: Limit
}

/** The parts of a CQN `SELECT` this module reads. */
export interface BoundedSelect {
  one?: boolean
  where?: Token[]
  columns?: Array<Column | '*'>
  limit?: Limit
}

/** The refusal for a read beyond the bounds, or `undefined` for a read within them. */
export function queryRefusal(select: BoundedSelect | undefined, target: EntityShape | undefined): QueryRefusal | undefined {
  if (!select || !target) return undefined
  const start = { entity: target, collections: select.one ? 0 : 1, path: [shortName(target)] }
  return negativeLimit(select.limit, start.path) ?? nesting(select.where, select.columns, start)
}

interface Position {
  entity: EntityShape
  /** Collections along the path so far. */
  collections: number
  /** For the message: the entity set and the steps taken. */
  path: string[]
}

function nesting(where: Token[] | undefined, columns: Array<Column | '*'> | undefined, at: Position): QueryRefusal | undefined {
  for (const column of columns ?? []) {
    if (column === '*' || !column.expand || !column.ref?.length) continue
    const next = step(at, column.ref[column.ref.length - 1])
    if (!next) continue
    const refusal = tooNested(next) ?? negativeLimit(column.limit, next.path) ?? nesting(column.where, column.expand, next)
    if (refusal) return refusal
  }
  return lambdas(where, at)
}

/** Walks `exists <path>` (OData `any`/`all`) in a filter, with the filters nested in the path's steps. */
function lambdas(tokens: Token[] | undefined, at: Position): QueryRefusal | undefined {
  for (const [index, token] of (tokens ?? []).entries()) {
    if (!token || typeof token !== 'object') continue
    const nested = (token as { xpr?: Token[] }).xpr ?? (token as { args?: Token[] }).args
    if (Array.isArray(nested)) {
      const refusal = lambdas(nested, at)
      if (refusal) return refusal
    }
    const ref = (token as { ref?: Step[] }).ref
    if (tokens![index - 1] !== 'exists' || !Array.isArray(ref)) continue
    let here: Position | undefined = at
    for (const segment of ref) {
      here = here && step(here, typeof segment === 'string' ? segment : segment.id)
      if (!here) break
      const refusal = tooNested(here) ?? (typeof segment === 'object' ? lambdas(segment.where, here) : undefined)
      if (refusal) return refusal
    }
  }
  return undefined
}

function step(at: Position, name: string): Position | undefined {
  const element = at.entity.elements[name]
  if (!element?._target) return undefined
  return { entity: element._target, collections: at.collections + (element.is2many ? 1 : 0), path: [...at.path, name] }
}

function tooNested(at: Position): QueryRefusal | undefined {
  if (at.collections <= MAX_NESTED_COLLECTIONS) return undefined
  return refusal('QUERY_TOO_NESTED', [String(MAX_NESTED_COLLECTIONS), at.path.join(' → '), String(at.collections)])
}

function negativeLimit(limit: Limit | undefined, path: string[]): QueryRefusal | undefined {
  for (const [option, value] of [['$top', limit?.rows?.val], ['$skip', limit?.offset?.val]] as const) {
    if (typeof value === 'number' && value < 0) return refusal('QUERY_NEGATIVE_LIMIT', [option, String(value), path.join(' → ')])
  }
  return undefined
}

function refusal(code: QueryRefusal['code'], args: string[]): QueryRefusal {
  return { status: 400, code, message: code, args }
}

function shortName(entity: EntityShape): string {
  return entity.name.split('.').pop() ?? entity.name
}
