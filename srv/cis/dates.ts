/** The date fields of CIS resources; on the wire they are epoch milliseconds (WIRE-REFERENCE §B.2), not strings. */
const DATE_FIELDS = new Set([
  'createdDate',
  'modifiedDate',
  'renewalDate',
  'expiryDate',
  'forceDeleteRequestTime',
  'forceDeleteTargetTime'
])

/**
 * Converts every CIS date field at any depth from epoch milliseconds to an ISO timestamp, in place, and returns
 * the same value. A date that is already a string (e.g. relayed by another tool) is left as it is.
 */
export function withTimestamps<T>(value: unknown): T {
  if (Array.isArray(value)) {
    for (const item of value) withTimestamps(item)
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    // for…in, not Object.entries: this walks every object of a 10,000-subaccount answer.
    for (const key in record) {
      const field = record[key]
      if (DATE_FIELDS.has(key) && typeof field === 'number' && Number.isFinite(field)) record[key] = new Date(field).toISOString()
      else if (field && typeof field === 'object') withTimestamps(field)
    }
  }
  return value as T
}
