import { SimHttpError, type SimResponse } from '../kernel/index.js'

const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unable to parse the JWT in Authorization Header.',
  403: 'Access denied',
  404: 'Configuration with the specified name was not found',
  413: 'Request entity too large',
  429: 'Too many requests'
}

/** The Destination service's error body: `{"ErrorMessage": <text>}`. */
export function renderDestinationError(status: number, message?: string): SimResponse {
  return { status, body: { ErrorMessage: message ?? DEFAULT_MESSAGES[status] ?? 'Internal server error' } }
}

/** One factory method per condition the simulator refuses. */
export const DestinationErrors = {
  /** The exact text the Cloud SDK maps to "no destination" (any other 404 text makes it fail). */
  notFound: () => new SimHttpError(renderDestinationError(404, 'Configuration with the specified name was not found')),
  unparsableJwt: () => new SimHttpError(renderDestinationError(401, 'Unable to parse the JWT in Authorization Header.')),
  /** A valid XSUAA token, but not of a destination service instance's client (sandbox wording). */
  notDestinationClient: () =>
    new SimHttpError(renderDestinationError(403, 'The token was not issued to a client of a destination service instance.')),
  unsupportedQueryParameter: (name: string) =>
    new SimHttpError(renderDestinationError(400, `Query parameter '${name}' is not supported by the sandbox destination service`))
}
