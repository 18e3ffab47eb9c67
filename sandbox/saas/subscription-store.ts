/** A subscription as saas-manager lists it (`GET /saas-manager/v2/application/subscriptions`, mtx-tool recording). */
export interface Subscription {
  url?: string
  subdomain: string
  appId: string
  appName: string
  commercialAppName: string
  consumerTenantId: string
  globalAccountId: string
  subaccountId: string
  subscriptionGUID: string
  state: SubscriptionState
  dependencies: Array<{ xsappname: string }>
  createdOn: string
  changedOn: string
  internalSubscriptionId: string
  authProviderState: string
  callbackState: string
  /** What the app reported (sandbox extension, not part of the real listing). */
  error?: string
}

export type SubscriptionState =
  | 'IN_PROCESS'
  | 'SUBSCRIBED'
  | 'SUBSCRIBE_FAILED'
  | 'UNSUBSCRIBE_IN_PROCESS'
  | 'UNSUBSCRIBE_FAILED'
  | 'NOT_SUBSCRIBED'

export interface SubscriptionStore {
  get(tenantId: string): Subscription | undefined
  findBySubdomain(subdomain: string): Subscription | undefined
  put(subscription: Subscription): void
  delete(tenantId: string): void
  list(): Subscription[]
  clear(): void
}

export class MemorySubscriptionStore implements SubscriptionStore {
  readonly #byTenant = new Map<string, Subscription>()

  get(tenantId: string): Subscription | undefined {
    return this.#byTenant.get(tenantId)
  }
  findBySubdomain(subdomain: string): Subscription | undefined {
    const wanted = subdomain.toLowerCase()
    return [...this.#byTenant.values()].find(s => s.subdomain.toLowerCase() === wanted)
  }
  put(subscription: Subscription): void {
    this.#byTenant.set(subscription.consumerTenantId, subscription)
  }
  delete(tenantId: string): void {
    this.#byTenant.delete(tenantId)
  }
  list(): Subscription[] {
    return [...this.#byTenant.values()]
  }
  clear(): void {
    this.#byTenant.clear()
  }
}
