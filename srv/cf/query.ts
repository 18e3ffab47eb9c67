/** A CF list filter value: one string or several (joined with literal commas, each encoded). */
export type FilterValue = string | number | readonly string[]

/**
 * Builds a CF query string. Each value is percent-encoded on its own and list items are joined with a literal
 * comma, which is how CF separates filter values (the Cloud SDK sends `params` unencoded, WIRE-REFERENCE §F.2).
 */
export function cfQuery(filters: Record<string, FilterValue | undefined>): string {
  const parts = Object.entries(filters)
    .filter((entry): entry is [string, FilterValue] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${(Array.isArray(value) ? value : [String(value)]).map(v => encodeURIComponent(v)).join(',')}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

/** A CF label selector requiring each key to have the given value (`k1=v1,k2=v2`, comma = AND). */
export function labelSelector(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(',')
}
