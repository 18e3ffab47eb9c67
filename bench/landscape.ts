import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { basename, resolve } from 'node:path'
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/sandbox.js'

const ROOT = resolve(import.meta.dirname, '..')

/** The sandbox in this process and tenant-hub in its own, bound to it as `npm start` does. */
export interface BenchLandscape {
  sandbox: Sandbox
  appUrl: string
  /** The process that runs tenant-hub (the child of the `tsx` launcher), e.g. to read its memory. */
  appPid: number
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
  let stopping = false
  // A figure measured against a dead app would be nonsense: say so where the bench's output shows it.
  app.on('exit', (code, signal) => {
    if (!stopping) console.error(`\ntenant-hub (pid ${app.pid}) exited unexpectedly (${signal ?? `code ${code}`}): ${stderr.slice(-2000)}`)
  })
  await waitFor(appUrl, () => stderr)
  await settled(sandbox)
  sandbox.registerApp(appUrl)
  return {
    sandbox,
    appUrl,
    appPid: nodeChildOf(app.pid!),
    stop: async () => {
      stopping = true
      app.kill()
      await sandbox.stop()
    }
  }
}

/**
 * `cds-tsx` runs under the `tsx` launcher, which starts the app in a node process of its own: that child's pid, or
 * the launcher's own when it has none (a launcher that runs the app in-process).
 */
function nodeChildOf(pid: number): number {
  let children: string
  try {
    children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
  } catch {
    return pid // ps exits with 1 when there is no child
  }
  // By its executable: node names its main thread (`comm`) "MainThread".
  const node = children
    .trim()
    .split('\n')
    .map(line => line.trim().split(/\s+/))
    .find(([, executable]) => basename(executable) === 'node')
  return node ? Number(node[0]) : pid
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
