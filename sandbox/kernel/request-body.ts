import type { SimRequest } from './router.js'

/** The parsed JSON body, or `undefined` when the body is not valid JSON (simulators answer with their own 400). */
export function jsonBody(req: SimRequest): unknown {
  if (req.rawBody.length === 0) return undefined
  try {
    return JSON.parse(req.rawBody.toString('utf8'))
  } catch {
    return undefined
  }
}

/** The `application/x-www-form-urlencoded` body. */
export function formBody(req: SimRequest): URLSearchParams {
  return new URLSearchParams(req.rawBody.toString('utf8'))
}

/** The bearer token of the Authorization header (scheme case-insensitive), or `undefined`. */
export function bearerToken(req: SimRequest): string | undefined {
  const header = req.headers.authorization
  if (!header) return undefined
  const m = /^bearer\s+(.+)$/i.exec(header.trim())
  return m ? m[1].trim() : undefined
}
