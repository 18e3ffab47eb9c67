/**
 * Starts the production build in gen/srv with plain Node (no tsx, no TypeScript loader) against the sandbox,
 * on an in-memory SQLite with CAP's mocked users, and proves it works: a subscription creates the tenant's
 * route in the sandbox CF through the compiled onboarding hooks, the tenant's OData service answers, and
 * unsubscribing removes the route. Exits non-zero otherwise.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, symlinkSync } from 'node:fs'
import { resolve } from 'node:path'
import { startSandbox } from '../sandbox/sandbox.js'

const appDir = resolve('gen/srv')

/** What `npm run build` must ship: the compiled server entry and model, runtime dependencies only, no TypeScript. */
function checkBuildOutput(): void {
  const pkg = JSON.parse(readFileSync(resolve(appDir, 'package.json'), 'utf8')) as { devDependencies?: object; dependencies?: object; scripts?: Record<string, string> }
  if (pkg.devDependencies) throw new Error('gen/srv/package.json still has devDependencies')
  if (!pkg.dependencies || !('@sap/cds' in pkg.dependencies)) throw new Error('gen/srv/package.json lacks the runtime dependencies')
  if (pkg.scripts?.start !== 'cds-serve') throw new Error('gen/srv/package.json has no start script')
  for (const file of ['srv/server.js', 'srv/onboarding/index.js', 'srv/csn.json'])
    if (!existsSync(resolve(appDir, file))) throw new Error(`gen/srv/${file} is missing`)
  const model = readFileSync(resolve(appDir, 'srv/csn.json'), 'utf8')
  for (const service of ['AccountService', 'AdminService']) if (!model.includes(`"${service}"`)) throw new Error(`the compiled model lacks ${service}`)
}
checkBuildOutput()
if (!existsSync(resolve(appDir, 'node_modules'))) symlinkSync(resolve('node_modules'), resolve(appDir, 'node_modules'), 'dir')
const port = 4900 + Math.floor(Math.random() * 90)
const base = `http://127.0.0.1:${port}`
const auth = (user: string) => ({ authorization: 'Basic ' + Buffer.from(`${user}:`).toString('base64') })

const sandbox = await startSandbox()
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...sandbox.appEnvironment(),
  NODE_EXTRA_CA_CERTS: resolve('sandbox/certs/ca.pem'),
  PORT: String(port),
  CDS_CONFIG: JSON.stringify({ requires: { db: { kind: 'sqlite', credentials: { url: ':memory:' } } } })
}
delete env.CDS_TYPESCRIPT
delete env.NODE_OPTIONS
const app = spawn(process.execPath, ['node_modules/@sap/cds/bin/serve.js'], { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] })
let output = ''
app.stdout.on('data', chunk => (output += chunk))
app.stderr.on('data', chunk => (output += chunk))

async function waitUntilUp(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    try {
      await fetch(base)
      return
    } catch {
      await new Promise(r => setTimeout(r, 500))
    }
  }
  throw new Error('the built app did not start within 30 s')
}

const routesOfT1 = () => sandbox.cf.snapshot().routes.filter(route => route.labels['tenant-hub/tenant-id'] === 't1')

try {
  await waitUntilUp()
  if (!output.includes("file: 'srv/server.js'")) throw new Error('the compiled srv/server.js was not the bootstrap file')
  const put = await fetch(`${base}/-/cds/saas-provisioning/tenant/t1`, {
    method: 'PUT',
    headers: { ...auth('yves'), 'content-type': 'application/json' },
    body: JSON.stringify({ subscribedTenantId: 't1', subscribedSubdomain: 'built', subscriptionAppName: 'tenant-hub' })
  })
  const url = await put.text()
  if (put.status !== 200 || url !== 'https://built-tenant-hub.cfapps.sandbox.localhost') throw new Error(`subscribe answered ${put.status} ${url}`)
  if (routesOfT1().length !== 1) throw new Error('subscribe created no route in the sandbox CF')
  const metadata = await fetch(`${base}/odata/v4/accounts/$metadata`, { headers: auth('viewer-t1') })
  if (metadata.status !== 200) throw new Error(`$metadata answered ${metadata.status}`)
  const del = await fetch(`${base}/-/cds/saas-provisioning/tenant/t1`, { method: 'DELETE', headers: auth('yves') })
  if (del.status !== 204 || routesOfT1().length !== 0) throw new Error(`unsubscribe answered ${del.status} and left ${routesOfT1().length} route(s)`)
  console.log('built app OK: compiled entry and model, no dev dependencies; starts with plain node; subscribe creates the route, unsubscribe removes it')
} catch (err) {
  console.error(output)
  console.error('built app check FAILED:', (err as Error).message)
  process.exitCode = 1
} finally {
  app.kill()
  await sandbox.stop()
}
