import { bearerToken, jsonBody, Router, SimHttpError, type SimRequest, type SimResponse } from '../kernel/index.js'
import type { CallbackResult, CallbackResults } from './callback-results.js'
import { SaasRegistryError, type SaasRegistry } from './registry.js'
import type { SubscriptionStore } from './subscription-store.js'

export function saasError(status: number, message: string): SimResponse {
  return { status, body: { error: { code: status, message } } }
}

/**
 * Real saas-manager endpoints (subscription listing, status callback) plus sandbox extensions under `/sandbox/`
 * that stand in for the cockpit's "Subscribe" button.
 */
export function saasRouter(registry: SaasRegistry, store: SubscriptionStore, callbacks: CallbackResults): Router {
  const router = new Router()

  router.get('/saas-manager/v2/application/subscriptions', () => ({ status: 200, body: { subscriptions: store.list() } }))

  router.put('/saas-manager/v1/subscription-callback/:id/result', req => {
    if (!bearerToken(req)) throw new SimHttpError(saasError(401, 'Missing bearer token'))
    const result = jsonBody(req) as CallbackResult | undefined
    if (!result || (result.status !== 'SUCCEEDED' && result.status !== 'FAILED'))
      throw new SimHttpError(saasError(400, 'Body must be {"status":"SUCCEEDED"|"FAILED","message"?,"subscriptionUrl"?}'))
    callbacks.record(req.params.id, result)
    return { status: 200, body: {} }
  })

  router.put('/sandbox/app', req => {
    const body = jsonBody(req) as { appUrl?: string } | undefined
    if (!body?.appUrl) throw new SimHttpError(saasError(400, 'Body must be {"appUrl": "<tenant-hub base URL>"}'))
    registry.register({ appUrl: body.appUrl.replace(/\/$/, '') })
    return { status: 204 }
  })

  router.post('/sandbox/subscriptions', req =>
    asResponse(async () => {
      const body = jsonBody(req) as { subdomain?: string; tenantId?: string; async?: boolean } | undefined
      if (!body?.subdomain) throw new SaasRegistryError(400, 'Body must be {"subdomain": "...", "tenantId"?, "async"?}')
      return registry.subscribe({ subdomain: body.subdomain, tenantId: body.tenantId, async: body.async })
    })
  )

  router.delete('/sandbox/subscriptions/:tenant', (req: SimRequest) =>
    asResponse(() => registry.unsubscribe({ tenant: req.params.tenant, async: req.query.get('async') === 'true' }))
  )

  return router
}

async function asResponse(operation: () => Promise<object>): Promise<SimResponse> {
  try {
    return { status: 200, body: await operation() }
  } catch (err) {
    if (err instanceof SaasRegistryError) return saasError(err.status, err.message)
    throw err
  }
}
