import { CfErrors } from './errors.js'
import { isObject } from './json-object.js'
import { unknownFieldErrors } from './route-messages.js'
import type { DestinationProtocol, NewDestination } from './store.js'

/**
 * Request-body validation of CC's `RouteUpdateDestinationsMessage` (insert: 1..100 destinations; replace:
 * 0..100). Weighted destinations (deprecated in CC) are not simulated and refused.
 */

const MAX_DESTINATIONS = 100
const PROTOCOLS: readonly DestinationProtocol[] = ['http1', 'http2']

/** A destination of the body once it passed validation. */
interface ValidDestination {
  app: { guid: string; process?: { type: string } }
  port?: number | null
  protocol?: DestinationProtocol | null
}

export function parseDestinationsMessage(body: Record<string, unknown>, mode: 'insert' | 'replace'): NewDestination[] {
  const errors = unknownFieldErrors(body, ['destinations'])
  const minimum = mode === 'insert' ? 1 : 0
  const destinations = body.destinations
  if (!Array.isArray(destinations) || destinations.length < minimum || destinations.length > MAX_DESTINATIONS) {
    errors.push(`Destinations must be an array containing between ${minimum} and ${MAX_DESTINATIONS} destination objects.`)
  } else {
    destinations.forEach((destination, index) => errors.push(...destinationErrors(destination, mode).map(e => `Destinations[${index}]: ${e}`)))
  }
  if (errors.length) throw CfErrors.unprocessable(errors)
  return (destinations as ValidDestination[]).map(d => ({
    appGuid: d.app.guid,
    processType: d.app.process?.type,
    port: d.port ?? undefined,
    protocol: d.protocol ?? undefined
  }))
}

function destinationErrors(destination: unknown, mode: 'insert' | 'replace'): string[] {
  if (!isObject(destination)) return ['must be a hash.']
  if (unknownFieldErrors(destination, ['app', 'weight', 'port', 'protocol']).length) {
    return ['must have only "app" and optionally "weight", "port" or "protocol".']
  }
  const errors: string[] = []
  const { app, weight, port, protocol } = destination
  if (!isObject(app) || typeof app.guid !== 'string' || unknownFieldErrors(app, ['guid', 'process']).length) {
    errors.push('app must have the structure {"guid": "app_guid"}')
  } else if (app.process !== undefined && !(isObject(app.process) && typeof app.process.type === 'string')) {
    errors.push('process must have the structure {"type": "process_type"}')
  }
  if (weight !== undefined && weight !== null) {
    errors.push(mode === 'insert' ? 'weighted destinations can only be used when replacing all destinations.' : 'weighted destinations are not supported by the CF sandbox.')
  }
  if (port !== undefined && port !== null && !(Number.isInteger(port) && (port as number) >= 1024 && (port as number) <= 65_535)) {
    errors.push('port must be a positive integer between 1024 and 65535 inclusive.')
  }
  if (protocol !== undefined && protocol !== null && !PROTOCOLS.includes(protocol as DestinationProtocol)) {
    errors.push("protocol must be 'http1' or 'http2'.")
  }
  return errors
}
