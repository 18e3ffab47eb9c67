/**
 * The origin named by a `login_hint` parameter (`{"origin":"<key>"}`), which clients send once or twice
 * URL-encoded, in the form body or in the query. `undefined` when there is no hint; `null` when the hint names
 * no origin (it is not the JSON UAA expects).
 */
export function originFromLoginHint(value: string | null): string | undefined | null {
  if (value === null) return undefined
  for (const candidate of [value, safeDecode(value)]) {
    const origin = parseOrigin(candidate)
    if (origin) return origin
  }
  return null
}

function parseOrigin(text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  try {
    const hint: unknown = JSON.parse(text)
    if (hint && typeof hint === 'object' && typeof (hint as { origin?: unknown }).origin === 'string') {
      return (hint as { origin: string }).origin
    }
  } catch {
    // not JSON at this decoding level
  }
  return undefined
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text)
  } catch {
    return undefined
  }
}
