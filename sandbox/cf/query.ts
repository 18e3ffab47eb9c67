import { CfErrors } from './errors.js'
import { LabelSelectorError, parseLabelSelector, type LabelRequirement } from './label-selector.js'

/** Keys every CC list message accepts (`ListMessage`), in CC's order. */
const LIST_KEYS = ['page', 'per_page', 'order_by', 'created_ats', 'updated_ats', 'guids'] as const
/** Timestamp filters CC accepts on every list (also as `created_ats[gt]` …); the sandbox does not simulate them. */
const TIMESTAMP_FILTERS = ['created_ats', 'updated_ats']
const PER_PAGE_DEFAULT = 50
const PER_PAGE_MAX = 5000

export interface QuerySpec {
  /** The endpoint's own keys, in CC's declaration order (the order of "Valid parameters are: …"). */
  keys: readonly string[]
  /** Keys CC accepts that the sandbox does not simulate; refused with an explicit 400. */
  unsupported?: readonly string[]
  /** Values CC allows for `include`. */
  includes?: readonly string[]
  /** Present for paginated lists: the fields CC allows in `order_by`. */
  list?: { orderBy: readonly string[] }
}

export interface ParsedQuery {
  /** Comma-list parameters by key, each value percent-decoded (`hosts=a,b` → `['a', 'b']`). */
  filters: Map<string, string[]>
  labelSelector?: LabelRequirement[]
  include: string[]
  page: number
  perPage: number
  orderBy?: { field: string; descending: boolean }
  /** The request's filters as CC writes them back into pagination links (values before URL-escaping). */
  linkParams: Map<string, string>
}

/**
 * Parses a CF query string from the raw request query: CC splits comma lists before it percent-decodes each
 * value, so `%2C` is a comma inside a value. Unknown keys, malformed values and keys the sandbox does not
 * simulate are refused with 400 CF-BadQueryParameter (10005).
 */
export function parseQuery(rawQuery: string, spec: QuerySpec): ParsedQuery {
  const allowed = spec.list ? [...LIST_KEYS, ...spec.keys] : [...spec.keys]
  const unsupported = new Set([...(spec.list ? TIMESTAMP_FILTERS : []), ...(spec.unsupported ?? [])])
  const params = rawParams(rawQuery)
  const known = new Map([...params].filter(([key]) => allowed.includes(baseKey(key))))
  const parsed: ParsedQuery = { filters: new Map(), include: [], page: 1, perPage: PER_PAGE_DEFAULT, linkParams: new Map() }

  // CC collects every message of the list message's validators into one 400
  const errors = [
    ...(spec.list ? paginationErrors(params, spec.list.orderBy, parsed) : []),
    ...unknownKeyErrors(params, allowed),
    ...filterErrors([...known].filter(([key]) => !unsupported.has(baseKey(key))), parsed),
    ...includeErrors(parsed, spec.includes ?? [])
  ]
  if (errors.length) throw CfErrors.badQueryParameter(errors.join(', '))

  const refused = [...known.keys()].filter(key => unsupported.has(baseKey(key)))
  if (refused.length) throw CfErrors.badQueryParameter(`'${refused.join("', '")}' is not supported by the CF sandbox`)
  return parsed
}

function unknownKeyErrors(params: Map<string, string>, allowed: readonly string[]): string[] {
  const unknown = [...params.keys()].filter(key => !allowed.includes(baseKey(key)))
  return unknown.length ? [`Unknown query parameter(s): '${unknown.join("', '")}'. Valid parameters are: '${allowed.join("', '")}'`] : []
}

/** Fills filters, label selector and link parameters from the known, simulated keys. */
function filterErrors(params: Array<[string, string]>, parsed: ParsedQuery): string[] {
  const errors: string[] = []
  for (const [key, raw] of params) {
    if (key === 'page' || key === 'per_page' || key === 'order_by') continue
    if (key !== baseKey(key)) {
      // Rails turns `hosts[x]=…` into a hash, which CC's array validation refuses
      errors.push(`${humanize(baseKey(key))} must be an array`)
    } else if (key === 'label_selector') {
      const selector = decode(raw)
      parsed.linkParams.set(key, selector)
      try {
        parsed.labelSelector = parseLabelSelector(selector)
      } catch (err) {
        if (!(err instanceof LabelSelectorError)) throw err
        errors.push(err.message)
      }
    } else {
      const values = raw.split(',').map(decode)
      parsed.filters.set(key, values)
      // CC re-escapes commas inside values before it joins a list back into a link
      parsed.linkParams.set(key, values.map(v => v.replaceAll(',', '%2C')).join(','))
    }
  }
  return errors
}

function includeErrors(parsed: ParsedQuery, valid: readonly string[]): string[] {
  const include = parsed.filters.get('include')
  if (!include) return []
  parsed.filters.delete('include')
  parsed.include = include
  return include.filter(value => !valid.includes(value)).map(value => `Invalid included resource: '${value}'`)
}

/** Key → raw (still encoded) value; a repeated key keeps its last value, as Rails does. */
function rawParams(rawQuery: string): Map<string, string> {
  const params = new Map<string, string>()
  for (const pair of rawQuery.split('&')) {
    if (!pair) continue
    const eq = pair.indexOf('=')
    const key = decode(eq < 0 ? pair : pair.slice(0, eq))
    params.delete(key)
    params.set(key, eq < 0 ? '' : pair.slice(eq + 1))
  }
  return params
}

/** `created_ats[gt]` → `created_ats` */
function baseKey(key: string): string {
  return key.replace(/\[.*$/, '')
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replaceAll('+', ' '))
  } catch {
    throw CfErrors.badQueryParameter(`invalid %-encoding (${value})`)
  }
}

/** CC's `PaginationPageValidator` and `PaginationOrderValidator` (Rails full messages). */
function paginationErrors(params: Map<string, string>, orderFields: readonly string[], parsed: ParsedQuery): string[] {
  const errors: string[] = []
  const page = params.get('page')
  if (page !== undefined) {
    const value = rubyToI(decode(page))
    if (value > 0) parsed.page = value
    else errors.push('Page must be a positive integer')
  }
  const perPage = params.get('per_page')
  if (perPage !== undefined) {
    const value = rubyToI(decode(perPage))
    if (value <= 0) errors.push('Per page must be a positive integer')
    else if (value > PER_PAGE_MAX) errors.push(`Per page must be between 1 and ${PER_PAGE_MAX}`)
    else parsed.perPage = value
  }
  const orderBy = params.get('order_by')
  if (orderBy !== undefined && orderBy !== '') {
    const match = /^([+-])?(.*)$/.exec(decode(orderBy))!
    if (orderFields.includes(match[2])) parsed.orderBy = { field: match[2], descending: match[1] === '-' }
    else errors.push(`Order by can only be: '${orderFields.join("', '")}'`)
  }
  return errors
}

/** Rails' `humanize`: `space_guids` → `Space guids`. */
function humanize(key: string): string {
  const words = key.replaceAll('_', ' ')
  return words[0].toUpperCase() + words.slice(1)
}

/** Ruby's `String#to_i`: leading digits, else 0. */
function rubyToI(value: string): number {
  const match = /^\s*([+-]?\d+)/.exec(value)
  return match ? Number(match[1]) : 0
}
