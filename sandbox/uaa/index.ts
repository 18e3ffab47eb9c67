import { publicJwk, Router, startSimServer, type SimServer, type SimulatorContext } from '../kernel/index.js'
import { renderUaaError, UAA_JSON_CONTENT_TYPE } from './errors.js'
import { tokenEndpoint } from './token-endpoint.js'
import { UaaTokenIssuer } from './token-issuer.js'
import type { UaaSimulatorOptions } from './uaa-types.js'

export { CF_CLIENT_ID, UaaTokenIssuer } from './token-issuer.js'
export type { UaaSimulatorOptions, UaaTokenResponse, UaaUser } from './uaa-types.js'

export interface UaaSimulator {
  server: SimServer
  issuer: UaaTokenIssuer
}

/** Starts the CF UAA simulator (counter and fault name `uaa`): `POST /oauth/token`, `GET /token_keys`. */
export async function startUaaSimulator(ctx: SimulatorContext, options: UaaSimulatorOptions): Promise<UaaSimulator> {
  const issuer = new UaaTokenIssuer(options.signingKey, options.tokenLifetimeSeconds)
  const router = new Router()
    .post('/oauth/token', tokenEndpoint(issuer, options))
    .get('/token_keys', () => ({
      status: 200,
      headers: { 'content-type': UAA_JSON_CONTENT_TYPE },
      body: { keys: [publicJwk(options.signingKey)] }
    }))
  const server = await startSimServer({
    name: 'uaa',
    router,
    counter: ctx.counter,
    faults: ctx.faults,
    renderError: renderUaaError,
    port: options.port
  })
  return { server, issuer }
}
