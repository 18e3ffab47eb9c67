import { matchesLabelSelector } from './label-selector.js'
import type { ParsedQuery } from './query.js'

/**
 * A list filter: an item passes when the query does not use `key`, or when one of the item's values equals one
 * of the filter's values (CC ORs within a filter and ANDs filters). `names` filters compare case-insensitively.
 */
export function byFilter<T>(query: ParsedQuery, key: string, read: (item: T) => string | readonly string[], ignoreCase = false) {
  const wanted = query.filters.get(key)
  const normalize = (value: string) => (ignoreCase ? value.toLowerCase() : value)
  const set = wanted && new Set(wanted.map(normalize))
  return (item: T): boolean => {
    if (!set) return true
    const values = read(item)
    return (typeof values === 'string' ? [values] : values).some(value => set.has(normalize(value)))
  }
}

export function byLabelSelector<T>(query: ParsedQuery, labels: (item: T) => Record<string, string>) {
  return (item: T): boolean => !query.labelSelector || matchesLabelSelector(labels(item), query.labelSelector)
}

/** The distinct values in first-seen order (for `included` resources). */
export function distinct<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>()
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item)
  return [...seen.values()]
}
