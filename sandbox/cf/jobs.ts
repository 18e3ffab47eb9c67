import type { CfStore, JobRecord } from './store.js'

/**
 * Route deletion as CC runs it: `DELETE` enqueues a pollable job (PROCESSING); the route disappears and the
 * job turns COMPLETE after `durationMs`.
 */
export class RouteDeletionJobs {
  readonly #store: CfStore
  readonly #durationMs: number
  readonly #timers = new Set<NodeJS.Timeout>()

  constructor(store: CfStore, durationMs: number) {
    this.#store = store
    this.#durationMs = durationMs
  }

  enqueue(routeGuid: string): JobRecord {
    const job = this.#store.createJob('route.delete', { type: 'route', guid: routeGuid })
    const timer = setTimeout(() => {
      this.#timers.delete(timer)
      // a second delete of the same route finds it gone and completes all the same, as CC's job does
      this.#store.deleteRoute(routeGuid)
      this.#store.setJobState(job.guid, 'COMPLETE')
    }, this.#durationMs)
    timer.unref()
    this.#timers.add(timer)
    return job
  }

  /** Drops jobs still running (on reset and close). */
  cancelAll(): void {
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
  }
}
