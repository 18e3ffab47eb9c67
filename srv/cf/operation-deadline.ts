import { AsyncLocalStorage } from 'node:async_hooks'

/** When the operation under way must be done (epoch ms), and how long it was given. */
export interface OperationDeadline {
  at: number
  ms: number
}

const current = new AsyncLocalStorage<OperationDeadline>()

/**
 * Runs `work` so that all the CF calls it makes — each with its retries, waits and job polls — end within `ms`
 * together, not each on its own: a subscribe makes up to four calls in a row, and saas-registry waits for the whole
 * of it. An enclosing operation's deadline that comes sooner stays in force.
 */
export function withinDeadline<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const enclosing = current.getStore()
  const at = Date.now() + ms
  return current.run(enclosing && enclosing.at < at ? enclosing : { at, ms }, work)
}

/**
 * Runs `work` outside the deadline of the operation under way: for clean-up after that operation failed (it may have
 * failed because its time was up), and for lookups that other operations share.
 */
export function outsideDeadline<T>(work: () => Promise<T>): Promise<T> {
  return current.exit(work)
}

/** The deadline of the operation under way, if it has one. */
export function operationDeadline(): OperationDeadline | undefined {
  return current.getStore()
}
