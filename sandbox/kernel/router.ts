import type { IncomingHttpHeaders } from 'node:http'

/** What a simulator handler sees of an incoming request. */
export interface SimRequest {
  readonly method: string
  /** Path without the query string, e.g. `/v3/routes/abc`. */
  readonly path: string
  readonly query: URLSearchParams
  /** Raw query string without the leading `?` (CF filters must be parsed from it, not from `query`). */
  readonly rawQuery: string
  readonly headers: IncomingHttpHeaders
  /** Path parameters of the matched route pattern (`:guid` → `params.guid`). */
  readonly params: Record<string, string>
  readonly rawBody: Buffer
  /** Absolute base URL of the simulator that received the request, without a trailing slash. */
  readonly baseUrl: string
  /** The route pattern label, `METHOD /pattern`, used for call counters and faults. */
  readonly endpoint: string
}

export interface SimResponse {
  status: number
  headers?: Record<string, string>
  /** An object is sent as JSON (`application/json; charset=utf-8` unless a content-type header is given). */
  body?: string | Buffer | object | null
}

export type SimHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>

/** Thrown by handlers to answer with an error envelope built by the simulator's error factory. */
export class SimHttpError extends Error {
  readonly response: SimResponse
  constructor(response: SimResponse, message?: string) {
    super(message ?? `simulated HTTP ${response.status}`)
    this.name = 'SimHttpError'
    this.response = response
  }
}

interface RouteEntry {
  method: string
  pattern: string
  segments: string[]
  handler: SimHandler
}

export interface RouteMatch {
  handler: SimHandler
  params: Record<string, string>
  endpoint: string
}

/** A minimal method + path-pattern router; patterns use `:name` segments. */
export class Router {
  readonly #routes: RouteEntry[] = []

  on(method: string, pattern: string, handler: SimHandler): this {
    this.#routes.push({ method: method.toUpperCase(), pattern, segments: split(pattern), handler })
    return this
  }
  get(pattern: string, handler: SimHandler): this { return this.on('GET', pattern, handler) }
  post(pattern: string, handler: SimHandler): this { return this.on('POST', pattern, handler) }
  put(pattern: string, handler: SimHandler): this { return this.on('PUT', pattern, handler) }
  patch(pattern: string, handler: SimHandler): this { return this.on('PATCH', pattern, handler) }
  delete(pattern: string, handler: SimHandler): this { return this.on('DELETE', pattern, handler) }

  /** Finds the handler for a request; `undefined` when no pattern matches the path and method. */
  match(method: string, path: string): RouteMatch | undefined {
    const segments = split(path)
    for (const route of this.#routes) {
      if (route.method !== method.toUpperCase()) continue
      const params = matchSegments(route.segments, segments)
      if (params) return { handler: route.handler, params, endpoint: `${route.method} ${route.pattern}` }
    }
    return undefined
  }

  /** Whether any method is routed for this path (to tell 404 from 405). */
  hasPath(path: string): boolean {
    const segments = split(path)
    return this.#routes.some(route => matchSegments(route.segments, segments) !== undefined)
  }
}

function split(path: string): string[] {
  return path.split('/').filter(Boolean)
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]
    const a = actual[i]
    if (p.startsWith(':')) {
      try { params[p.slice(1)] = decodeURIComponent(a) } catch { return undefined }
    } else if (p !== a) return undefined
  }
  return params
}
