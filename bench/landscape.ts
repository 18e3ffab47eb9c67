import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/sandbox.js'

const ROOT = resolve(import.meta.dirname, '..')

/** The sandbox in this process and tenant-hub in its own, bound to it as `npm start` does. */
export interface BenchLandscape {
  sandbox: Sandbox
  appUrl: string
  stop(): Promise<void>
}

export async function startLandscape(options: SandboxOptions = {}, appConfig: object = {}): Promise<BenchLandscape> {
  const sandbox = await startSandbox(options)
  const port = await freePort()
  const appUrl = `http://127.0.0.1:${port}`
  const app: ChildProcess = spawn(resolve(ROOT, 'node_modules/.bin/cds-tsx'), ['serve', '--profile', 'sandbox'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      ...sandbox.appEnvironment(),
      NODE_EXTRA_CA_CERTS: resolve(ROOT, 'sandbox/certs/ca.pem'),
      PORT: String(port),
      CDS_CONFIG: JSON.stringify({ requires: { db: { kind: 'sqlite', credentials: { url: ':memory:' } }, ...appConfig } })
    }
  })
  let stderr = ''
  app.stderr!.on('data', chunk => (stderr += chunk))
  await waitFor(appUrl, () => stderr)
  await settled(sandbox)
  sandbox.registerApp(appUrl)
  return {
    sandbox,
    appUrl,
    stop: async () => {
      app.kill()
      await sandbox.stop()
    }
  }
}

async function waitFor(url: string, diagnostics: () => string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      await fetch(url)
      return
    } catch {
      await new Promise(r => setTimeout(r, 250))
    }
  }
  throw new Error(`tenant-hub did not start: ${diagnostics()}`)
}

/** Waits until tenant-hub's start-up work (connectivity check, cache warm-up) has made its last upstream call. */
async function settled(sandbox: Sandbox): Promise<void> {
  const total = () => Object.values(sandbox.counter.snapshot()).reduce((sum, calls) => sum + Object.values(calls).reduce((a, b) => a + b, 0), 0)
  let last = -1
  while (last !== total()) {
    last = total()
    await new Promise(r => setTimeout(r, 750))
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolvePort(port))
    })
    server.on('error', reject)
  })
}
