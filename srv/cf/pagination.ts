import type { Paginated } from './cf-types.js'

/**
 * Reads every page of a CF list: follows `pagination.next.href` (absolute, built by CC) until it is null.
 * `fetchPage` gets the path + query of each page relative to the API root.
 */
export async function readAllPages<T>(firstPath: string, fetchPage: (path: string) => Promise<Paginated<T>>): Promise<T[]> {
  const all: T[] = []
  let path: string | undefined = firstPath
  while (path) {
    const page: Paginated<T> = await fetchPage(path)
    all.push(...page.resources)
    path = page.pagination.next ? relativeOf(page.pagination.next.href) : undefined
  }
  return all
}

function relativeOf(href: string): string {
  const url = new URL(href)
  return url.pathname + url.search
}
