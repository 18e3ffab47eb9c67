/** The body an app PUTs to `STATUS_CALLBACK` (WIRE-REFERENCE §D.2, §F.1). */
export interface CallbackResult {
  status: 'SUCCEEDED' | 'FAILED'
  message?: string
  subscriptionUrl?: string
}

/** Pending async callbacks by id, resolved when the app reports. */
export class CallbackResults {
  readonly #pending = new Map<string, (result: CallbackResult) => void>()
  readonly #received = new Map<string, CallbackResult>()

  /** Waits for the callback with this id; rejects after `timeoutMs` like saas-registry's callbackTimeoutMillis. */
  waitFor(id: string, timeoutMs: number): Promise<CallbackResult> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id)
        reject(new Error(`no status callback within ${timeoutMs} ms`))
      }, timeoutMs)
      this.#pending.set(id, result => {
        clearTimeout(timer)
        resolve(result)
      })
    })
  }

  /** Records a callback; returns false when nobody waits for that id. */
  record(id: string, result: CallbackResult): boolean {
    this.#received.set(id, result)
    const resolve = this.#pending.get(id)
    this.#pending.delete(id)
    resolve?.(result)
    return !!resolve
  }

  received(): Record<string, CallbackResult> {
    return Object.fromEntries(this.#received)
  }

  clear(): void {
    this.#received.clear()
  }
}
