import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs'
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
  /** The memory limit tenant-hub runs under, when it runs in a container. */
  memoryLimitMb?: number
  stop(): Promise<void>
}

export interface AppOptions {
  /** `cds.env` additions, through CDS_CONFIG. */
  config?: object
  /** Run tenant-hub in a memory cgroup of the limit mta.yaml gives it on Cloud Foundry (see `memoryContainer`). */
  containerMemory?: boolean
}

export async function startLandscape(options: SandboxOptions = {}, { config: appConfig = {}, containerMemory = false }: AppOptions = {}): Promise<BenchLandscape> {
  const sandbox = await startSandbox(options)
  const port = await freePort()
  const appUrl = `http://127.0.0.1:${port}`
  const container = containerMemory ? memoryContainer() : undefined
  if (containerMemory && !container) console.error(`\n(no writable cgroup v1 memory hierarchy: tenant-hub runs without its ${srvMemoryLimitMb()} MB container)`)
  const command = [resolve(ROOT, 'node_modules/.bin/cds-tsx'), 'serve', '--profile', 'sandbox']
  // In the container from its first instruction: Node sizes V8's heap from the limit it finds at start.
  const app: ChildProcess = spawn(container ? 'sh' : command[0], container ? ['-c', 'echo $$ > "$0" && exec "$@"', container.procsFile, ...command] : command.slice(1), {
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
    memoryLimitMb: container?.limitMb,
    stop: async () => {
      stopping = true
      const exited = new Promise(resolveExit => app.once('exit', resolveExit))
      app.kill()
      await exited
      container?.remove()
      await sandbox.stop()
    }
  }
}

/**
 * A memory cgroup with the limit of tenant-hub-srv in mta.yaml, which is how Cloud Foundry bounds an app
 * instance: the kernel enforces it (an app that outgrows it is killed, as on CF) and Node sizes V8's heap from it
 * (about 260 MB of heap at 512 MB, where this 24 GB machine would give 4 GB), so that memory is measured under
 * the garbage collector's behaviour of a deployed instance. Needs a writable cgroup v1 memory hierarchy (root);
 * undefined without one.
 */
function memoryContainer(): { procsFile: string; limitMb: number; remove(): void } | undefined {
  const limitMb = srvMemoryLimitMb()
  const dir = `/sys/fs/cgroup/memory/tenant-hub-bench-${process.pid}-${Date.now()}`
  try {
    mkdirSync(dir)
    writeFileSync(`${dir}/memory.limit_in_bytes`, String(limitMb * 1024 * 1024))
  } catch {
    return undefined
  }
  return { procsFile: `${dir}/cgroup.procs`, limitMb, remove: () => rmdirSync(dir) }
}

/** `memory` of the tenant-hub-srv module in mta.yaml, in MB. */
function srvMemoryLimitMb(): number {
  const mta = readFileSync(resolve(ROOT, 'mta.yaml'), 'utf8')
  const match = /- name: tenant-hub-srv\n[\s\S]*?\n\s+memory: (\d+)([MG])\n/.exec(mta)
  if (!match) throw new Error('mta.yaml: no memory parameter for tenant-hub-srv')
  return Number(match[1]) * (match[2] === 'G' ? 1024 : 1)
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
