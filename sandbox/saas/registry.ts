import { randomUUID } from 'node:crypto'
import type { CallbackResults } from './callback-results.js'
import type { SaasRegistryConfig } from './config.js'
import { subscriptionPayload, unsubscriptionPayload, type Subscriber } from './payload.js'
import type { Subscription, SubscriptionState, SubscriptionStore } from './subscription-store.js'

/** The provider app's callback URLs, as in the saas-registry instance's `appUrls`. */
export interface AppRegistration {
  /** Base URL of the app, e.g. `http://127.0.0.1:4004`; CAP's paths are appended. */
  appUrl: string
}

export interface SaasRegistryDeps {
  /** A client-credentials token of saas-registry, carrying the app's `mtcallback` authority. */
  callbackToken(): Promise<string>
  /** Makes the subscriber known to the rest of the landscape (XSUAA zone, CIS subaccount) before the call. */
  onSubscriberCreated?(subscriber: Subscriber): Promise<void> | void
}

export interface SubscribeRequest {
  subdomain: string
  /** Default: the id of an existing subscription with that subdomain, else a new GUID. */
  tenantId?: string
  async?: boolean
}

export interface UnsubscribeRequest {
  /** Tenant id or subdomain. */
  tenant: string
  async?: boolean
}

/** What a subscribe or unsubscribe ended with, as the cockpit would show it. */
export interface OperationResult {
  tenantId: string
  subdomain: string
  state: SubscriptionState
  url?: string
  error?: string
  /** Status of the app's answer to the callout (200/204 sync, 202 async, or the error status). */
  httpStatus: number
}

export class SaasRegistryError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.name = 'SaasRegistryError'
    this.status = status
  }
}

/**
 * Calls the provider app as saas-registry does: GET dependencies, then PUT (subscribe) or DELETE (unsubscribe)
 * `/-/cds/saas-provisioning/tenant/{tenantId}` with the registry's bearer token; in async mode with a
 * `STATUS_CALLBACK` header, then waiting for the app's status callback.
 */
export class SaasRegistry {
  readonly #config: SaasRegistryConfig
  readonly #store: SubscriptionStore
  readonly #callbacks: CallbackResults
  readonly #deps: SaasRegistryDeps
  #app: AppRegistration | undefined

  constructor(config: SaasRegistryConfig, store: SubscriptionStore, callbacks: CallbackResults, deps: SaasRegistryDeps) {
    this.#config = config
    this.#store = store
    this.#callbacks = callbacks
    this.#deps = deps
  }

  register(app: AppRegistration): void {
    this.#app = app
  }

  get registeredApp(): AppRegistration | undefined {
    return this.#app
  }

  async subscribe(request: SubscribeRequest): Promise<OperationResult> {
    const app = this.#requireApp()
    if (!request.subdomain) throw new SaasRegistryError(400, 'subscribe needs a subdomain')
    const existing = this.#store.findBySubdomain(request.subdomain)
    const tenantId = request.tenantId ?? existing?.consumerTenantId ?? randomUUID()
    const subscriber: Subscriber = { tenantId, subdomain: request.subdomain, subaccountId: tenantId }
    await this.#deps.onSubscriberCreated?.(subscriber)

    const now = new Date().toUTCString()
    const subscription: Subscription = {
      subdomain: subscriber.subdomain,
      appId: this.#config.xsappname,
      appName: this.#config.appName,
      commercialAppName: this.#config.appName,
      consumerTenantId: tenantId,
      globalAccountId: this.#config.globalAccountGuid,
      subaccountId: subscriber.subaccountId,
      subscriptionGUID: this.#store.get(tenantId)?.subscriptionGUID ?? randomUUID(),
      state: 'IN_PROCESS',
      dependencies: [],
      createdOn: this.#store.get(tenantId)?.createdOn ?? now,
      changedOn: now,
      internalSubscriptionId: `${this.#config.xsappname}_${tenantId}_${this.#config.xsappname}`,
      authProviderState: 'SUBSCRIBED',
      callbackState: 'IN_PROCESS'
    }
    this.#store.put(subscription)

    const token = await this.#deps.callbackToken()
    const dependencies = await fetch(`${app.appUrl}/-/cds/saas-provisioning/dependencies`, { headers: { authorization: `Bearer ${token}` } }).catch(
      () => undefined // no answer: the subscription callout below will say so
    )
    if (dependencies?.ok) subscription.dependencies = (await dependencies.json()) as Array<{ xsappname: string }>

    const body = subscriptionPayload(this.#config, subscriber, subscription.subscriptionGUID)
    const outcome = await this.#callApp('PUT', tenantId, body, token, request.async)
    return this.#settle(subscription, outcome, 'SUBSCRIBED', 'SUBSCRIBE_FAILED')
  }

  async unsubscribe(request: UnsubscribeRequest): Promise<OperationResult> {
    this.#requireApp()
    const known = this.#store.get(request.tenant) ?? this.#store.findBySubdomain(request.tenant)
    if (!known && !isGuidLike(request.tenant))
      throw new SaasRegistryError(404, `No subscription with tenant id or subdomain "${request.tenant}"`)
    const subscription: Subscription = known ?? { ...this.#placeholder(request.tenant) }
    subscription.state = 'UNSUBSCRIBE_IN_PROCESS'
    subscription.changedOn = new Date().toUTCString()
    this.#store.put(subscription)

    const subscriber: Subscriber = { tenantId: subscription.consumerTenantId, subdomain: subscription.subdomain, subaccountId: subscription.subaccountId }
    const token = await this.#deps.callbackToken()
    const outcome = await this.#callApp('DELETE', subscriber.tenantId, unsubscriptionPayload(this.#config, subscriber), token, request.async)
    const result = this.#settle(subscription, outcome, 'NOT_SUBSCRIBED', 'UNSUBSCRIBE_FAILED')
    if (result.state === 'NOT_SUBSCRIBED') this.#store.delete(subscriber.tenantId)
    return result
  }

  async #callApp(method: 'PUT' | 'DELETE', tenantId: string, body: object, token: string, async = false): Promise<AppOutcome> {
    const app = this.#requireApp()
    const callbackId = randomUUID()
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
    if (async) headers.status_callback = `/saas-manager/v1/subscription-callback/${callbackId}/result`
    const callback = async ? this.#callbacks.waitFor(callbackId, this.#config.callbackTimeoutMillis) : undefined
    callback?.catch(() => undefined) // observed below; avoids an unhandled rejection when the callout itself fails

    let response: Response
    let text: string
    try {
      response = await fetch(`${app.appUrl}/-/cds/saas-provisioning/tenant/${encodeURIComponent(tenantId)}`, {
        method,
        headers,
        body: JSON.stringify(body)
      })
      text = await response.text()
    } catch (err) {
      // As SaaS Provisioning does: a callout without an answer fails the (un)subscription, with the reason.
      const cause = (err as { cause?: { code?: string; message?: string } }).cause
      return { httpStatus: 0, ok: false, error: `the application did not answer the callout: ${cause?.code ?? cause?.message ?? (err as Error).message}` }
    }
    if (!response.ok) return { httpStatus: response.status, ok: false, error: errorMessageOf(text, response.status) }
    if (!callback) return { httpStatus: response.status, ok: true, url: method === 'PUT' ? text : undefined }
    if (response.status !== 202)
      return { httpStatus: response.status, ok: false, error: `asynchronous callout answered ${response.status}, expected 202` }
    try {
      const result = await callback
      return result.status === 'SUCCEEDED'
        ? { httpStatus: 202, ok: true, url: result.subscriptionUrl }
        : { httpStatus: 202, ok: false, error: result.message ?? 'FAILED without a message' }
    } catch (err) {
      return { httpStatus: 202, ok: false, error: (err as Error).message }
    }
  }

  #settle(subscription: Subscription, outcome: AppOutcome, success: SubscriptionState, failure: SubscriptionState): OperationResult {
    subscription.state = outcome.ok ? success : failure
    subscription.callbackState = outcome.ok ? 'CALLBACK_SUCCEEDED' : 'CALLBACK_FAILED'
    subscription.changedOn = new Date().toUTCString()
    if (outcome.url) subscription.url = outcome.url
    subscription.error = outcome.error
    return {
      tenantId: subscription.consumerTenantId,
      subdomain: subscription.subdomain,
      state: subscription.state,
      url: outcome.ok ? subscription.url : undefined,
      error: outcome.error,
      httpStatus: outcome.httpStatus
    }
  }

  #placeholder(tenantId: string): Subscription {
    const now = new Date().toUTCString()
    return {
      subdomain: '',
      appId: this.#config.xsappname,
      appName: this.#config.appName,
      commercialAppName: this.#config.appName,
      consumerTenantId: tenantId,
      globalAccountId: this.#config.globalAccountGuid,
      subaccountId: tenantId,
      subscriptionGUID: randomUUID(),
      state: 'UNSUBSCRIBE_IN_PROCESS',
      dependencies: [],
      createdOn: now,
      changedOn: now,
      internalSubscriptionId: `${this.#config.xsappname}_${tenantId}_${this.#config.xsappname}`,
      authProviderState: 'SUBSCRIBED',
      callbackState: 'IN_PROCESS'
    }
  }

  #requireApp(): AppRegistration {
    if (!this.#app) throw new SaasRegistryError(409, 'No provider app is registered with the sandbox saas-registry; start tenant-hub with `npm start`.')
    return this.#app
  }
}

interface AppOutcome {
  httpStatus: number
  ok: boolean
  url?: string
  error?: string
}

function errorMessageOf(text: string, status: number): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string } }
    if (parsed.error?.message) return parsed.error.message
  } catch {
    // not JSON: use the text itself
  }
  return text || `HTTP ${status}`
}

function isGuidLike(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) || /^t\d+$/.test(value)
}
