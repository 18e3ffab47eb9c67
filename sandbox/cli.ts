/**
 * Command line of the sandbox:
 *   sandbox                         start the simulators on their default ports
 *   start                           start the simulators and tenant-hub bound to them
 *   saas subscribe <subdomain> [--tenant <id>] [--async]
 *   saas unsubscribe <subdomain|id> [--async]
 *   saas token <tenant> [--scopes a,b]
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { CF_LANDSCAPE, DEMO_TENANTS, XSAPPNAME } from './identities.js'
import { DEFAULT_SANDBOX_PORTS, startSandbox, type Sandbox, type SandboxEndpoints } from './sandbox.js'

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..')
/** Where the running sandbox publishes its URLs; `SANDBOX_ENDPOINTS` points elsewhere (tests). */
const ENDPOINTS_FILE = process.env.SANDBOX_ENDPOINTS ?? join(ROOT, '.sandbox', 'endpoints.json')
const CA_FILE = join(ROOT, 'sandbox', 'certs', 'ca.pem')
const APP_PORT = Number(process.env.PORT ?? 4004)

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'sandbox':
      return runSandbox(false)
    case 'start':
      return runSandbox(true)
    case 'saas':
      return saas(rest)
    default:
      console.error('usage: tsx sandbox/cli.ts sandbox | start | saas <subscribe|unsubscribe|token> ...')
      return 2
  }
}

async function runSandbox(withApp: boolean): Promise<number> {
  const sandbox = await startSandbox({ ports: DEFAULT_SANDBOX_PORTS })
  const appUrl = `http://localhost:${APP_PORT}`
  sandbox.registerApp(appUrl)
  mkdirSync(dirname(ENDPOINTS_FILE), { recursive: true })
  writeFileSync(ENDPOINTS_FILE, JSON.stringify(sandbox.endpoints(), null, 2) + '\n')
  printWelcome(sandbox)

  const app = withApp ? startApp(sandbox) : undefined
  const stop = async () => {
    app?.kill('SIGTERM')
    await sandbox.stop()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  if (app) app.on('exit', code => {
    console.error(`tenant-hub exited with code ${code}`)
    void sandbox.stop().then(() => process.exit(code ?? 1))
  })
  return new Promise<number>(() => undefined) // runs until stopped
}

/** tenant-hub as its own process, bound to the sandbox through VCAP_* like a CF app to its services. */
function startApp(sandbox: Sandbox): ChildProcess {
  return spawn('npx', ['cds-tsx', 'serve', '--profile', 'sandbox'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...sandbox.appEnvironment(), NODE_EXTRA_CA_CERTS: CA_FILE, PORT: String(APP_PORT) }
  })
}

function printWelcome(sandbox: Sandbox): void {
  const e = sandbox.endpoints()
  const { username, origin } = CF_LANDSCAPE.technicalUser
  console.log(`
tenant-hub sandbox — local simulators of the BTP services tenant-hub talks to
  CF API            ${e.cf}        (org ${CF_LANDSCAPE.org}, space ${CF_LANDSCAPE.space}, approuter app ${CF_LANDSCAPE.approuterApp})
  CF UAA            ${e.uaa}        (technical user ${username}, origin ${origin})
  XSUAA             ${e.xsuaa}      (xsappname ${XSAPPNAME})
  destinations      ${e.destination}        (CFAPI, CIS)
  CIS accounts      ${e.cis}        entitlements ${e.cisEntitlements}
  saas-registry     ${e.saas}
  control surface   ${e.control}        GET /state, POST /faults, POST /reset
  tenant-hub        ${e.app}
  UIs               ${e.approuter}/admin/index.html  (as the provider's operator)
                    ${e.approuter}/subaccounts/index.html?sandbox-tenant=acme  (as a subscriber's viewer)
demo tenants (subdomain → tenant id): ${DEMO_TENANTS.map(t => `${t.subdomain} → ${t.tenantId}`).join(', ')}
endpoints written to .sandbox/endpoints.json
  npm run saas -- subscribe acme          subscribe a tenant as saas-registry does
  curl -s ${e.control}/state | jq .routes   see its route in the sandbox CF
`)
}

async function saas(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { tenant: { type: 'string' }, async: { type: 'boolean', default: false }, scopes: { type: 'string', default: 'Viewer' } }
  })
  const [action, target] = positionals
  if (!action || !target) {
    console.error('usage: npm run saas -- subscribe <subdomain> [--tenant <id>] [--async] | unsubscribe <subdomain|id> [--async] | token <tenant> [--scopes a,b]')
    return 2
  }
  const endpoints = readEndpoints()
  let response: Response
  switch (action) {
    case 'subscribe': {
      const tenantId = values.tenant ?? DEMO_TENANTS.find(t => t.subdomain === target.toLowerCase())?.tenantId
      response = await post(`${endpoints.saas}/sandbox/subscriptions`, { subdomain: target, tenantId, async: values.async })
      return report(response, result => (result.state === 'SUBSCRIBED' ? `${result.url}` : undefined))
    }
    case 'unsubscribe':
      response = await fetch(`${endpoints.saas}/sandbox/subscriptions/${encodeURIComponent(target)}?async=${values.async}`, { method: 'DELETE' })
      return report(response, result => (result.state === 'NOT_SUBSCRIBED' ? `unsubscribed ${result.subdomain || result.tenantId}` : undefined))
    case 'token':
      response = await post(`${endpoints.control}/tokens/user`, { tenant: target, scopes: values.scopes.split(',').map(s => s.trim()).filter(Boolean) })
      return report(response, result => result.access_token)
    default:
      console.error(`unknown saas action "${action}"`)
      return 2
  }
}

/** Prints the success line or the error and returns the exit code. */
async function report(response: Response, success: (result: Record<string, string>) => string | undefined): Promise<number> {
  const result = (await response.json()) as Record<string, string> & { error?: { message?: string } | string }
  const line = response.ok ? success(result) : undefined
  if (line) {
    console.log(line)
    return 0
  }
  const message = typeof result.error === 'string' ? result.error : (result.error?.message ?? JSON.stringify(result))
  console.error(`failed (${result.state ?? response.status}): ${message}`)
  return 1
}

function post(url: string, body: object): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

function readEndpoints(): SandboxEndpoints {
  try {
    return JSON.parse(readFileSync(ENDPOINTS_FILE, 'utf8')) as SandboxEndpoints
  } catch {
    throw new Error(`${ENDPOINTS_FILE} not found: start the sandbox first (npm start or npm run sandbox)`)
  }
}

main(process.argv.slice(2)).then(
  code => {
    if (code !== undefined) process.exitCode = code
  },
  err => {
    console.error(err instanceof Error ? err.message : err)
    process.exitCode = 1
  }
)
