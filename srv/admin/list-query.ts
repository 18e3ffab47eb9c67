/**
 * Answers CAP's CQN of an OData read on rows held in memory (AdminService's entity sets are read live from
 * mtxs and CF, not from a database): key access, `$filter`, `$search`, `$orderby`, `$top`/`$skip`, `$count`
 * and `$select`. A query it cannot answer is refused with 400 rather than answered wrongly.
 */

type Row = Record<string, unknown>

/** A CQN expression token, as CAP's OData adapter produces them. */
type Token = string | { ref: string[] } | { val: unknown } | { xpr: Token[] } | { func: string; args?: Token[] } | { list: Token[] }

interface Column {
  ref?: string[]
  func?: string
  as?: string
}

/** The parts of a CQN `SELECT` this module reads. */
export interface SelectQuery {
  from?: { ref?: Array<string | { id: string; where?: Token[] }> }
  where?: Token[]
  search?: Token[]
  orderBy?: Array<{ ref?: string[]; sort?: 'asc' | 'desc' }>
  limit?: { rows?: { val: number }; offset?: { val: number } }
  columns?: Array<Column | '*'>
  one?: boolean
  count?: boolean
}

export class UnsupportedQueryError extends Error {
  readonly status = 400
  readonly code = 'UNSUPPORTED_QUERY'
  constructor(what: string) {
    super(`This entity set is read live and supports $filter with comparisons, and/or/not, contains/startswith/endswith; not ${what}.`)
    this.name = 'UnsupportedQueryError'
  }
}

/** The answer to `query` on `rows`: a page (with `$count` when asked), one row, or `undefined` for a missing key. */
export function answerQuery<T extends object>(query: { SELECT?: SelectQuery } | undefined, rows: readonly T[]): (T[] & { $count?: number }) | T | { $count: number }[] | undefined {
  const select = query?.SELECT ?? {}
  const keyFilter = select.from?.ref?.map(step => (typeof step === 'string' ? undefined : step.where)).find(where => where?.length)
  const search = searchTerm(select.search)
  const matching = (rows as readonly Row[]).filter(
    row => (!keyFilter || test(keyFilter, row)) && (!select.where?.length || test(select.where, row)) && (!search || matches(row, search))
  )
  if (select.columns?.some(column => column !== '*' && column.func === 'count')) return [{ $count: matching.length }]

  const sorted = select.orderBy?.length ? [...matching].sort(comparator(select.orderBy)) : matching
  const offset = select.limit?.offset?.val ?? 0
  if (offset < 0 || (select.limit?.rows?.val ?? 0) < 0) throw new UnsupportedQueryError('a negative $top or $skip')
  const page = select.limit?.rows ? sorted.slice(offset, offset + select.limit.rows.val) : sorted.slice(offset)
  const projected = page.map(row => project(row, select.columns)) as T[] & { $count?: number }
  if (select.one) return projected[0]
  if (select.count) projected.$count = matching.length
  return projected
}

function test(tokens: Token[], row: Row): boolean {
  const anyOf = splitAt(tokens, 'or')
  if (anyOf.length > 1) return anyOf.some(part => test(part, row))
  const allOf = splitAt(tokens, 'and')
  if (allOf.length > 1) return allOf.every(part => test(part, row))
  if (tokens[0] === 'not') return !test(tokens.slice(1), row)
  if (tokens.length === 1) {
    const [token] = tokens
    if (typeof token === 'object' && 'xpr' in token) return test(token.xpr, row)
    if (typeof token === 'object' && 'func' in token) return Boolean(valueOf(token, row))
  }
  if (tokens.length === 3 && typeof tokens[1] === 'string') return compare(valueOf(tokens[0], row), tokens[1].toLowerCase(), valueOf(tokens[2], row))
  // `x is null`, `x is not null`
  if (tokens[1] === 'is' && (tokens.length === 3 || (tokens.length === 4 && tokens[2] === 'not'))) {
    const isNull = valueOf(tokens[0], row) == null
    return tokens.length === 3 ? isNull : !isNull
  }
  throw new UnsupportedQueryError(`the expression ${JSON.stringify(tokens)}`)
}

function splitAt(tokens: Token[], operator: string): Token[][] {
  const parts: Token[][] = [[]]
  for (const token of tokens) {
    if (typeof token === 'string' && token.toLowerCase() === operator) parts.push([])
    else parts[parts.length - 1].push(token)
  }
  return parts
}

function valueOf(token: Token, row: Row): unknown {
  if (typeof token === 'string') {
    if (token.toLowerCase() === 'null') return null
    throw new UnsupportedQueryError(`the operator "${token}" in this position`)
  }
  if ('ref' in token) return row[token.ref[token.ref.length - 1]]
  if ('val' in token) return token.val
  if ('list' in token) return token.list.map(item => valueOf(item, row))
  if ('xpr' in token) return test(token.xpr, row)
  const args = (token.args ?? []).map(arg => valueOf(arg, row))
  const [first, second] = args.map(arg => (arg == null ? '' : String(arg)))
  switch (token.func.toLowerCase()) {
    case 'contains':
      return first.toLowerCase().includes(second.toLowerCase())
    case 'startswith':
      return first.toLowerCase().startsWith(second.toLowerCase())
    case 'endswith':
      return first.toLowerCase().endsWith(second.toLowerCase())
    case 'tolower':
      return args[0] == null ? null : first.toLowerCase()
    case 'toupper':
      return args[0] == null ? null : first.toUpperCase()
    default:
      throw new UnsupportedQueryError(`the function ${token.func}()`)
  }
}

function compare(left: unknown, operator: string, right: unknown): boolean {
  switch (operator) {
    case '=':
    case '==':
      return (left ?? null) === (right ?? null)
    case '!=':
    case '<>':
      return (left ?? null) !== (right ?? null)
    case '<':
      return left != null && right != null && (left as number) < (right as number)
    case '<=':
      return left != null && right != null && (left as number) <= (right as number)
    case '>':
      return left != null && right != null && (left as number) > (right as number)
    case '>=':
      return left != null && right != null && (left as number) >= (right as number)
    case 'in':
      return Array.isArray(right) && right.includes(left)
    case 'like':
      return typeof left === 'string' && typeof right === 'string' && likePattern(right).test(left)
    default:
      throw new UnsupportedQueryError(`the operator "${operator}"`)
  }
}

function likePattern(pattern: string): RegExp {
  const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')
  return new RegExp(`^${source}$`, 'is')
}

function searchTerm(search: Token[] | undefined): string | undefined {
  if (!search?.length) return undefined
  const terms = search.filter((token): token is { val: unknown } => typeof token === 'object' && 'val' in token)
  if (terms.length !== search.filter(token => typeof token === 'object').length) throw new UnsupportedQueryError('this $search expression')
  return terms.map(term => String(term.val)).join(' ').toLowerCase()
}

function matches(row: Row, term: string): boolean {
  return Object.values(row).some(value => typeof value === 'string' && value.toLowerCase().includes(term))
}

function comparator(orderBy: NonNullable<SelectQuery['orderBy']>): (a: Row, b: Row) => number {
  return (a, b) => {
    for (const { ref, sort } of orderBy) {
      if (!ref) throw new UnsupportedQueryError('$orderby by an expression')
      const name = ref[ref.length - 1]
      const order = compareValues(a[name], b[name])
      if (order) return sort === 'desc' ? -order : order
    }
    return 0
  }
}

/** Nulls first, then natural order (strings by locale). */
function compareValues(a: unknown, b: unknown): number {
  if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b)
  return a < b ? -1 : a > b ? 1 : 0
}

function project(row: Row, columns: SelectQuery['columns']): Row {
  if (!columns?.length || columns.includes('*') || columns.some(column => column !== '*' && !column.ref)) return row
  const projected: Row = {}
  for (const column of columns as Column[]) {
    const name = column.ref![column.ref!.length - 1]
    projected[column.as ?? name] = row[name]
  }
  return projected
}
