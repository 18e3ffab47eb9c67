import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import type { CallCounter } from './call-counter.js'
import type { ActiveFault, FaultInjector } from './faults.js'
import { SimHttpError, type Router, type SimRequest, type SimResponse } from './router.js'

export interface TlsMaterial {
  key: string | Buffer
  cert: string | Buffer
}

export interface SimServerOptions {
  /** Simulator name used for counters and faults (`cf`, `uaa`, ...). */
  name: string
  router: Router
  counter: CallCounter
  faults: FaultInjector
  /** Renders the simulator's own error envelope for a status (used for 404s and injected faults). */
  renderError: (status: number, detail?: string) => SimResponse
  /** Serve HTTPS with this key/certificate. */
  tls?: TlsMaterial
  /** 0 (default) = a free port. */
  port?: number
  host?: string
  /** Host name put into `baseUrl` (default `127.0.0.1`; `localhost` for TLS, which the certificate names). */
  publicHost?: string
  /** Largest accepted request body; bigger bodies get 413. */
  maxBodyBytes?: number
}

export interface SimServer {
  readonly name: string
  readonly url: string
  readonly port: number
  close(): Promise<void>
}

/**
 * Starts one simulator on 127.0.0.1. Request pipeline: read body → match route → count → fault → handler →
 * serialize; a handler's `SimHttpError` becomes its response, anything else a 500 in the simulator's envelope.
 */
export async function startSimServer(options: SimServerOptions): Promise<SimServer> {
  const { name, router, counter, faults, renderError } = options
  const sockets = new Set<Socket>()
  const host = options.host ?? '127.0.0.1'
  const publicHost = options.publicHost ?? (options.tls ? 'localhost' : '127.0.0.1')
  const scheme = options.tls ? 'https' : 'http'
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024
  let baseUrl = ''

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch(err => {
      if (!res.headersSent) send(res, renderError(500, String(err?.message ?? err)))
      else res.destroy()
    })
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl)
    const method = (req.method ?? 'GET').toUpperCase()
    const rawBody = await readBody(req, maxBodyBytes)
    if (rawBody === undefined) {
      counter.record(name, `${method} (too large)`)
      return send(res, renderError(413, 'Request body too large'))
    }
    const match = router.match(method, url.pathname)
    const endpoint = match?.endpoint ?? `${method} (unrouted)`
    counter.record(name, endpoint)

    const fault = faults.take(name, endpoint, url.pathname)
    if (fault && (await applyFault(fault, res))) return
    const deliver = fault?.bodyCut ? (out: ServerResponse, response: SimResponse) => sendHalf(out, response, fault.bodyCut!) : send

    if (!match) {
      // HEAD is what the Cloud SDK's CSRF fetch sends; real services answer it with 404 too.
      return deliver(res, renderError(404, router.hasPath(url.pathname) ? 'Method not allowed' : 'Unknown request'))
    }
    const simRequest: SimRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      rawQuery: url.search.replace(/^\?/, ''),
      headers: req.headers,
      params: match.params,
      rawBody,
      baseUrl,
      endpoint
    }
    let response: SimResponse
    try {
      response = await match.handler(simRequest)
    } catch (err) {
      if (err instanceof SimHttpError) response = err.response
      else throw err
    }
    deliver(res, response)
  }

  /** Returns true when the fault answered (or dropped) the request. */
  async function applyFault(fault: ActiveFault, res: ServerResponse): Promise<boolean> {
    if (fault.delayMs) await new Promise(resolve => setTimeout(resolve, fault.delayMs))
    if (fault.reset) {
      res.socket?.resetAndDestroy()
      return true
    }
    if (fault.malformed) {
      send(res, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"resources":[{"guid":' })
      return true
    }
    if (fault.status !== undefined) {
      const base: SimResponse = fault.body !== undefined ? { status: fault.status, body: fault.body } : renderError(fault.status)
      const headers = { ...base.headers, ...fault.headers }
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter)
      send(res, { ...base, status: fault.status, headers })
      return true
    }
    return false
  }

  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : createHttpServer(listener)
  server.keepAliveTimeout = 1000
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('secureConnection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  baseUrl = `${scheme}://${publicHost}:${port}`

  return {
    name,
    url: baseUrl,
    port,
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge = true
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, response: SimResponse): void {
  const { headers, payload } = serialized(response)
  res.writeHead(response.status, headers)
  res.end(payload)
}

/** Headers and the first half of the body as `send` would send them, then a stall or a reset (fault `bodyCut`). */
function sendHalf(res: ServerResponse, response: SimResponse, cut: 'stall' | 'reset'): void {
  const { headers, payload } = serialized(response)
  res.writeHead(response.status, headers)
  res.write(payload ? payload.subarray(0, Math.floor(payload.length / 2)) : Buffer.alloc(0), () => {
    if (cut === 'reset') res.socket?.resetAndDestroy()
  })
}

function serialized(response: SimResponse): { headers: Record<string, string>; payload: Buffer | undefined } {
  const headers: Record<string, string> = { ...response.headers }
  const lower = new Set(Object.keys(headers).map(h => h.toLowerCase()))
  let payload: Buffer | undefined
  const body = response.body
  if (body === undefined || body === null) payload = undefined
  else if (Buffer.isBuffer(body)) payload = body
  else if (typeof body === 'string') payload = Buffer.from(body)
  else {
    payload = Buffer.from(JSON.stringify(body))
    if (!lower.has('content-type')) headers['content-type'] = 'application/json; charset=utf-8'
  }
  if (payload) headers['content-length'] = String(payload.length)
  return { headers, payload }
}
