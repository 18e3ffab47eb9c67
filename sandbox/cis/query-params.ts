/**
 * Strict reading of query parameters: a parameter the real endpoint does not document is refused with a 400
 * naming it, so a client that misspells `directoryGUID` fails here instead of silently getting everything.
 */
import type { SimRequest } from '../kernel/index.js'
import { cisErrors } from './errors.js'

export function acceptOnly(req: SimRequest, supported: readonly string[]): void {
  for (const name of req.query.keys()) {
    if (!supported.includes(name)) throw cisErrors.unsupportedQueryParameter(name, supported, req.path)
  }
}

/** The value, or `undefined` when the parameter is absent or empty. */
export function stringParam(req: SimRequest, name: string): string | undefined {
  return req.query.get(name) || undefined
}

export function booleanParam(req: SimRequest, name: string): boolean {
  const value = stringParam(req, name)
  if (value === undefined) return false
  const normalized = value.toLowerCase()
  if (normalized === 'true') return true
  if (normalized === 'false') return false
  throw cisErrors.invalidQueryParameter(name, value, 'expected true or false', req.path)
}

export function oneOfParam<T extends string>(req: SimRequest, name: string, values: readonly T[]): T | undefined {
  const value = stringParam(req, name)
  if (value === undefined) return undefined
  if ((values as readonly string[]).includes(value)) return value as T
  throw cisErrors.invalidQueryParameter(name, value, `expected one of ${values.join(', ')}`, req.path)
}
