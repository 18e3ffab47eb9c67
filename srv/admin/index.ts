export { providerOnlyMiddleware } from './provider-only.js'
export { checkConnectivityAtStartup } from './startup-check.js'
