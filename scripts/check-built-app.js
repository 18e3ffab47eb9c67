// Starts the production build in gen/srv with plain Node (no tsx, no TypeScript loader) on an in-memory
// SQLite and proves it serves: a subscription answers with the tenant URL computed by the compiled
// onboarding hooks, and the tenant's OData service answers. Exits non-zero otherwise.
import { spawn } from 'node:child_process'
import { existsSync, symlinkSync } from 'node:fs'
import { resolve } from 'node:path'

const appDir = resolve('gen/srv')
if (!existsSync(resolve(appDir, 'node_modules'))) symlinkSync(resolve('node_modules'), resolve(appDir, 'node_modules'), 'dir')
const port = 4900 + Math.floor(Math.random() * 90)
const base = `http://127.0.0.1:${port}`

const env = { ...process.env, PORT: String(port), CDS_CONFIG: JSON.stringify({ requires: { db: { kind: 'sqlite', credentials: { url: ':memory:' } } } }) }
delete env.CDS_TYPESCRIPT
delete env.NODE_OPTIONS
const app = spawn(process.execPath, ['node_modules/@sap/cds/bin/serve.js'], { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] })
let output = ''
app.stdout.on('data', d => (output += d))
app.stderr.on('data', d => (output += d))

const auth = user => ({ authorization: 'Basic ' + Buffer.from(`${user}:`).toString('base64') })

async function waitUntilUp() {
  for (let i = 0; i < 60; i++) {
    try { await fetch(base); return } catch { await new Promise(r => setTimeout(r, 500)) }
  }
  throw new Error('the built app did not start within 30 s')
}

try {
  await waitUntilUp()
  const put = await fetch(`${base}/-/cds/saas-provisioning/tenant/t1`, {
    method: 'PUT',
    headers: { ...auth('yves'), 'content-type': 'application/json' },
    body: JSON.stringify({ subscribedTenantId: 't1', subscribedSubdomain: 'built', subscriptionAppName: 'tenant-hub' })
  })
  const url = await put.text()
  if (put.status !== 200 || url !== 'https://built-tenant-hub.cfapps.eu10.hana.ondemand.com')
    throw new Error(`subscribe answered ${put.status} ${url}`)
  const metadata = await fetch(`${base}/odata/v4/accounts/$metadata`, { headers: auth('viewer-t1') })
  if (metadata.status !== 200) throw new Error(`$metadata answered ${metadata.status}`)
  if (!output.includes("file: 'srv/server.js'")) throw new Error('the compiled srv/server.js was not the bootstrap file')
  console.log('built app OK: starts with plain node, serves subscriptions and OData')
} catch (err) {
  console.error(output)
  console.error('built app check FAILED:', err.message)
  process.exitCode = 1
} finally {
  app.kill()
}
