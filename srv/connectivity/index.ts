export { forgetDestinations, resolveDestination, type ResolveOptions } from './destinations.js'
export {
  ConnectivityError,
  DestinationLookupError,
  DestinationNotFoundError,
  DestinationTokenError,
  UpstreamUnreachableError,
  describe
} from './errors.js'
export { sendThroughDestination, type RemoteRequest, type RemoteResponse } from './http.js'
