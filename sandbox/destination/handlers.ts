import { Router, type SimRequest, type SimResponse } from '../kernel/index.js'
import { authenticateCaller, type DestinationTrust } from './auth.js'
import type { DestinationLevel, FindDestinationResponse } from './destination-types.js'
import { DestinationErrors } from './errors.js'
import type { LookupLog } from './lookup-log.js'
import type { DestinationStore } from './store.js'
import { retrieveAuthTokens, type TokenRetrievalOptions } from './token-retrieval.js'

export interface DestinationHandlerDeps {
  store: DestinationStore
  trust: DestinationTrust
  lookups: LookupLog
  tokenRetrieval: TokenRetrievalOptions
}

const BASE = '/destination-configuration/v1'

export function createDestinationRouter(deps: DestinationHandlerDeps): Router {
  return new Router()
    .get(`${BASE}/destinations/:name`, req => findDestination(deps, req))
    .get(`${BASE}/subaccountDestinations`, req => listDestinations(deps, req, 'subaccount'))
    .get(`${BASE}/subaccountDestinations/:name`, req => readDestination(deps, req, 'subaccount'))
    .get(`${BASE}/instanceDestinations`, req => listDestinations(deps, req, 'instance'))
    .get(`${BASE}/instanceDestinations/:name`, req => readDestination(deps, req, 'instance'))
}

/**
 * "Find destination": the instance level of the caller's subaccount first, then the subaccount level; adds
 * `authTokens` unless `$skipTokenRetrieval=true`.
 */
async function findDestination(deps: DestinationHandlerDeps, req: SimRequest): Promise<SimResponse> {
  const caller = authenticateCaller(req, deps.trust)
  const skipTokenRetrieval = skipTokenRetrievalParameter(req)
  const name = req.params.name
  const onInstance = deps.store.get(caller.instance, name)
  const destination = onInstance ?? deps.store.get(caller.subaccount, name)
  const foundOn = onInstance ? 'instance' : destination ? 'subaccount' : null
  deps.lookups.record({ name, subaccountId: caller.subaccount.subaccountId, skipTokenRetrieval, foundOn })
  if (!destination) throw DestinationErrors.notFound()

  const body: FindDestinationResponse = {
    owner: { SubaccountId: caller.subaccount.subaccountId, InstanceId: onInstance ? (caller.instance.instanceId ?? null) : null },
    destinationConfiguration: destination
  }
  if (!skipTokenRetrieval) {
    const authTokens = await retrieveAuthTokens(destination, deps.tokenRetrieval)
    if (authTokens) body.authTokens = authTokens
  }
  return { status: 200, body }
}

function skipTokenRetrievalParameter(req: SimRequest): boolean {
  for (const name of req.query.keys()) {
    if (name !== '$skipTokenRetrieval') throw DestinationErrors.unsupportedQueryParameter(name)
  }
  return req.query.get('$skipTokenRetrieval') === 'true'
}

function listDestinations(deps: DestinationHandlerDeps, req: SimRequest, level: 'subaccount' | 'instance'): SimResponse {
  const callerAt = callerLevel(deps, req, level)
  rejectQueryParameters(req)
  return { status: 200, body: deps.store.list(callerAt) }
}

function readDestination(deps: DestinationHandlerDeps, req: SimRequest, level: 'subaccount' | 'instance'): SimResponse {
  const callerAt = callerLevel(deps, req, level)
  rejectQueryParameters(req)
  const destination = deps.store.get(callerAt, req.params.name)
  if (!destination) throw DestinationErrors.notFound()
  return { status: 200, body: destination }
}

function callerLevel(deps: DestinationHandlerDeps, req: SimRequest, level: 'subaccount' | 'instance'): DestinationLevel {
  return authenticateCaller(req, deps.trust)[level]
}

function rejectQueryParameters(req: SimRequest): void {
  const [name] = req.query.keys()
  if (name !== undefined) throw DestinationErrors.unsupportedQueryParameter(name)
}
