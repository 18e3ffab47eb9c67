import { InvalidFaultError, jsonBody, Router, SimHttpError, type FaultSpec, type SimResponse } from '../kernel/index.js'

/** What the control surface can do with the running sandbox. */
export interface ControlTarget {
  endpoints(): object
  state(): object
  addFaults(specs: FaultSpec[]): object[]
  clearFaults(): void
  resetCounters(): void
  reset(): void
  issueUserToken(request: { tenant: string; scopes: string[]; userName?: string }): Promise<string> | string
  putDestination(request: { subaccount?: string; tenant?: string; destination: Record<string, unknown> }): void
  deleteDestination(request: { tenant: string; name: string }): boolean
  registerSubscriber(request: { tenantId: string; subdomain: string }): Promise<void> | void
}

export function controlError(status: number, message: string): SimResponse {
  return { status, body: { error: { message } } }
}

/**
 * The sandbox control surface: inspect state and call counters, inject faults, reset, mint demo tokens.
 * JSON in and out; errors as `{ error: { message } }`.
 */
export function controlRouter(target: ControlTarget): Router {
  const router = new Router()
  const body = <T>(raw: unknown, shape: string): T => {
    if (raw === undefined || raw === null || typeof raw !== 'object') throw new SimHttpError(controlError(400, `Body must be JSON: ${shape}`))
    return raw as T
  }

  router.get('/', () => ({ status: 200, body: { endpoints: target.endpoints() } }))
  router.get('/endpoints', () => ({ status: 200, body: target.endpoints() }))
  router.get('/state', () => ({ status: 200, body: target.state() }))

  router.post('/faults', req => {
    const raw = body<FaultSpec | FaultSpec[]>(jsonBody(req), '{ "simulator": "cf", "status": 500, "times": 1, ... } or an array of them')
    try {
      return { status: 201, body: { faults: target.addFaults(Array.isArray(raw) ? raw : [raw]) } }
    } catch (err) {
      if (err instanceof InvalidFaultError) throw new SimHttpError(controlError(400, err.message))
      throw err
    }
  })
  router.delete('/faults', () => {
    target.clearFaults()
    return { status: 204 }
  })

  router.post('/reset', () => {
    target.reset()
    return { status: 204 }
  })
  router.post('/calls/reset', () => {
    target.resetCounters()
    return { status: 204 }
  })

  router.post('/tokens/user', async req => {
    const request = body<{ tenant?: string; scopes?: string[]; userName?: string }>(jsonBody(req), '{ "tenant": "<id or subdomain>", "scopes": ["Viewer"] }')
    if (!request.tenant) throw new SimHttpError(controlError(400, '"tenant" (tenant id or subdomain) is required'))
    try {
      const token = await target.issueUserToken({ tenant: request.tenant, scopes: request.scopes ?? ['Viewer'], userName: request.userName })
      return { status: 200, body: { access_token: token, token_type: 'bearer' } }
    } catch (err) {
      const status = (err as { status?: number }).status
      if (status && status < 500) throw new SimHttpError(controlError(status, (err as Error).message))
      throw err
    }
  })

  router.put('/destinations/:tenant/:name', req => {
    const destination = body<Record<string, unknown>>(jsonBody(req), '{ "Name": "...", "Type": "HTTP", "URL": "...", "Authentication": "..." }')
    if (destination.Name !== req.params.name) throw new SimHttpError(controlError(400, `"Name" must be "${req.params.name}"`))
    target.putDestination({ tenant: req.params.tenant, destination })
    return { status: 204 }
  })
  router.delete('/destinations/:tenant/:name', req =>
    target.deleteDestination({ tenant: req.params.tenant, name: req.params.name })
      ? { status: 204 }
      : controlError(404, `No destination "${req.params.name}" for tenant "${req.params.tenant}"`)
  )

  router.post('/tenants', async req => {
    const request = body<{ tenantId?: string; subdomain?: string }>(jsonBody(req), '{ "tenantId": "...", "subdomain": "..." }')
    if (!request.tenantId || !request.subdomain) throw new SimHttpError(controlError(400, '"tenantId" and "subdomain" are required'))
    await target.registerSubscriber({ tenantId: request.tenantId, subdomain: request.subdomain })
    return { status: 204 }
  })

  return router
}
