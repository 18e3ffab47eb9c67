import type { SimRequest } from '../kernel/index.js'
import { UaaErrors } from './errors.js'

/**
 * Authenticates the OAuth client of a token request: HTTP Basic (`Basic Y2Y6` = `cf:`), or `client_id` and an
 * empty or absent `client_secret` in the form body (`client_secret_post` / `none`), as the Destination service
 * sends them. The sandbox knows one public client with an empty secret.
 */
export function authenticateClient(req: SimRequest, form: URLSearchParams, clientId: string): void {
  const basic = basicCredentials(req.headers.authorization)
  if (basic) {
    if (basic.id !== clientId || basic.secret !== '') throw UaaErrors.badClientCredentials()
    return
  }
  const bodyClientId = form.get('client_id')
  if (bodyClientId === null) throw UaaErrors.missingClientAuthentication()
  if (bodyClientId !== clientId || (form.get('client_secret') ?? '') !== '') throw UaaErrors.badClientCredentials()
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header ? /^basic\s+(\S+)$/i.exec(header.trim()) : null
  if (!match) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) throw UaaErrors.badClientCredentials()
  try {
    // RFC 6749 §2.3.1: both parts are form-urlencoded before they are joined
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) }
  } catch {
    throw UaaErrors.badClientCredentials()
  }
}
