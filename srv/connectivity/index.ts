export { forgetDestinations, resolveDestination, type ResolveOptions } from './destinations.js'
export {
  ConnectivityError,
  DestinationLookupError,
  DestinationNotFoundError,
  DestinationTokenError,
  UpstreamUnreachableError,
  describe
} from './errors.js'
export { openThroughDestination, sendThroughDestination, type RemoteRequest, type RemoteResponse, type StreamedRemoteResponse } from './http.js'
