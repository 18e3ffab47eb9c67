import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { startSandbox, type Sandbox } from '../../../sandbox/sandbox.js'

const ROOT = join(import.meta.dirname, '..', '..', '..')

export interface ServedApp {
  readonly sandbox: Sandbox
  /** `http://localhost:<port>` of tenant-hub. */
  readonly url: string
  /** Everything tenant-hub printed so far. */
  output(): string
  stop(): Promise<void>
}

/**
 * The sandbox in this process and tenant-hub as its own process, started as `npm start` starts it
 * (`cds-tsx serve --profile sandbox`, bound through VCAP_*), so cds-plugin-ui5 serves the UI apps as it does
 * there. Outside jest's test profile: an in-memory database instead of `db.sqlite`, and a free port.
 */
export async function startServedApp(): Promise<ServedApp> {
  const sandbox = await startSandbox()
  const port = await freePort()
  const url = `http://localhost:${port}`
  sandbox.registerApp(url)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...sandbox.appEnvironment(),
    NODE_EXTRA_CA_CERTS: join(ROOT, 'sandbox', 'certs', 'ca.pem'),
    PORT: String(port),
    CDS_CONFIG: JSON.stringify({ requires: { db: { kind: 'sqlite', credentials: { url: ':memory:' } } } })
  }
  for (const jestOnly of ['NODE_ENV', 'NODE_OPTIONS', 'JEST_WORKER_ID', 'CDS_TYPESCRIPT']) delete env[jestOnly]
  const app = spawn(join(ROOT, 'node_modules', '.bin', 'cds-tsx'), ['serve', '--profile', 'sandbox'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  app.stdout!.on('data', chunk => (output += chunk))
  app.stderr!.on('data', chunk => (output += chunk))
  const stop = async () => {
    await stopProcess(app)
    await sandbox.stop()
  }
  try {
    await waitUntilListening(app, () => output, url)
  } catch (err) {
    await stop()
    throw err
  }
  return { sandbox, url, output: () => output, stop }
}

async function waitUntilListening(app: ChildProcess, output: () => string, url: string): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`tenant-hub exited with ${app.exitCode}:\n${output()}`)
    if (output().includes('server listening on')) {
      const answer = await fetch(url).catch(() => undefined)
      if (answer) return
    }
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  throw new Error(`tenant-hub did not listen within 60 s:\n${output()}`)
}

function stopProcess(app: ChildProcess): Promise<void> {
  if (app.exitCode !== null || app.signalCode !== null) return Promise.resolve()
  return new Promise(resolve => {
    app.once('exit', () => resolve())
    app.kill('SIGTERM')
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}
