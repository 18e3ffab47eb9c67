import { request as httpRequest, createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PROVIDER } from '../identities.js'
import type { XsuaaSandbox } from '../xsuaa/index.js'

/** Query parameter (then remembered in a cookie) that picks whose session the stand-in plays. */
export const TENANT_PARAMETER = 'sandbox-tenant'
const TOKEN_REUSE_MS = 10 * 60_000

export interface ApprouterStandIn {
  url: string
  close(): Promise<void>
}

/**
 * Plays the approuter's part locally: forwards every request to tenant-hub with a user token, as the approuter
 * does after login. Without `?sandbox-tenant=` the user is the provider's operator (Admin, Viewer); with
 * `?sandbox-tenant=<subdomain or id>` a Viewer of that subscriber. Sandbox only: there is no login.
 */
export async function startApprouterStandIn(options: { xsuaa: XsuaaSandbox; appUrl: () => string | undefined; port?: number }): Promise<ApprouterStandIn> {
  const tokens = new Map<string, { token: string; until: number }>()

  const tokenFor = (tenant: string): string | undefined => {
    const cached = tokens.get(tenant)
    if (cached && cached.until > Date.now()) return cached.token
    const zone = options.xsuaa.zones.get(tenant) ?? options.xsuaa.zones.findBySubdomain(tenant)
    if (!zone) return undefined
    const isProvider = zone.tenantId === PROVIDER.tenantId
    const token = options.xsuaa.issueUserToken({
      tenantId: zone.tenantId,
      userName: isProvider ? 'operator@example.com' : `viewer@${zone.subdomain}.example.com`,
      scopes: isProvider ? ['Admin', 'Viewer'] : ['Viewer']
    })
    tokens.set(tenant, { token, until: Date.now() + TOKEN_REUSE_MS })
    return token
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const appUrl = options.appUrl()
    if (!appUrl) return plain(res, 503, 'tenant-hub is not registered with the sandbox yet')
    const url = new URL(req.url ?? '/', 'http://stand-in')
    const chosen = url.searchParams.get(TENANT_PARAMETER)
    const tenant = chosen ?? cookie(req, TENANT_PARAMETER) ?? PROVIDER.tenantId
    const token = tokenFor(tenant)
    if (!token) return plain(res, 404, `No tenant "${tenant}" in the sandbox: subscribe it first (npm run saas -- subscribe ${tenant}).`)
    const headers = { ...req.headers, authorization: `Bearer ${token}`, host: new URL(appUrl).host }
    const upstream = httpRequest(new URL(req.url ?? '/', appUrl), { method: req.method, headers }, answer => {
      const outHeaders = { ...answer.headers }
      if (chosen) outHeaders['set-cookie'] = [`${TENANT_PARAMETER}=${encodeURIComponent(chosen)}; Path=/; HttpOnly; SameSite=Lax`]
      res.writeHead(answer.statusCode ?? 502, outHeaders)
      answer.pipe(res)
    })
    upstream.on('error', err => plain(res, 502, `tenant-hub did not answer: ${err.message}`))
    req.pipe(upstream)
  })
  await new Promise<void>(resolve => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>(resolve => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  }
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return decodeURIComponent(value.join('='))
  }
  return undefined
}

function plain(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return void res.destroy()
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(text)
}
