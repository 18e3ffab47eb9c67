import cds from '@sap/cds'

/** The parts of express' request handling this module uses. */
interface HttpResponse {
  status(code: number): HttpResponse
  set(name: string, value: string): HttpResponse
  json(body: unknown): void
}
type Middleware = ((req: unknown, res: HttpResponse, next: (err?: unknown) => void) => void) & { factory?: unknown }

/** Seconds a caller should wait before trying again after the identity service failed. */
const RETRY_AFTER_SECONDS = 5

/**
 * CAP's JWT middleware answers every failure that is not an invalid token with a bare 500 (`next(500)`); in practice
 * that is XSUAA's key set, which could not be fetched or read. Callers should learn that the identity service is the
 * problem and that trying again may work: 503 with Retry-After and a message.
 */
export function reportIdentityServiceOutages(): void {
  const middlewares = cds.middlewares as unknown as { before: Middleware[]; auth: unknown }
  const index = middlewares.before.findIndex(mw => mw.factory === middlewares.auth)
  if (index < 0) return
  const auth = middlewares.before[index]
  const reporting: Middleware = (req, res, next) => auth(req, res, err => (err === 500 ? identityServiceUnavailable(res) : next(err)))
  middlewares.before[index] = Object.assign(reporting, { factory: auth.factory })
}

function identityServiceUnavailable(res: HttpResponse): void {
  res
    .status(503)
    .set('retry-after', String(RETRY_AFTER_SECONDS))
    .json({
      error: {
        code: 'IDENTITY_SERVICE_UNAVAILABLE',
        message: 'The token could not be validated: the identity service (XSUAA) gave no usable signing keys. Try again shortly.'
      }
    })
}
