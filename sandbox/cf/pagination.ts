import type { ParsedQuery } from './query.js'

export interface PaginationLink {
  href: string
}

/** CC's `pagination` object. */
export interface Pagination {
  total_results: number
  total_pages: number
  first: PaginationLink
  last: PaginationLink
  next: PaginationLink | null
  previous: PaginationLink | null
}

/**
 * One page of `items` and its pagination object. Links are absolute and rebuilt the way CC does it (Rails
 * `Hash#to_query`): the request's filters plus `page` and `per_page`, every `key=value` CGI-escaped, sorted.
 */
export function paginate<T>(items: readonly T[], query: ParsedQuery, collectionUrl: string): { pagination: Pagination; resources: T[] } {
  const { page, perPage } = query
  const lastPage = Math.max(1, Math.ceil(items.length / perPage))
  const link = (target: number): PaginationLink => ({ href: `${collectionUrl}?${linkQuery(query, target)}` })
  return {
    pagination: {
      total_results: items.length,
      total_pages: lastPage,
      first: link(1),
      last: link(lastPage),
      next: page + 1 <= lastPage ? link(page + 1) : null,
      previous: page - 1 > 0 ? link(page - 1) : null
    },
    resources: items.slice((page - 1) * perPage, page * perPage)
  }
}

function linkQuery(query: ParsedQuery, page: number): string {
  const params = new Map(query.linkParams)
  params.set('page', String(page))
  params.set('per_page', String(query.perPage))
  if (query.orderBy) params.set('order_by', `${query.orderBy.descending ? '-' : ''}${query.orderBy.field}`)
  return [...params].map(([key, value]) => `${cgiEscape(key)}=${cgiEscape(value)}`).sort().join('&')
}

/** Ruby's `CGI.escape`: everything but `a-zA-Z0-9_.-~` percent-encoded, spaces as `+`. */
function cgiEscape(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replaceAll('%20', '+')
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Sorts by CC's `order_by` (`created_at`, `-updated_at`, `name`, …); without one, creation order stays. */
export function ordered<T extends object>(items: readonly T[], query: ParsedQuery, fields: Record<string, (item: T) => string>): T[] {
  const orderBy = query.orderBy
  const read = orderBy && fields[orderBy.field]
  if (!orderBy || !read) return [...items]
  const direction = orderBy.descending ? -1 : 1
  return [...items].sort((a, b) => direction * compare(read(a), read(b)))
}
