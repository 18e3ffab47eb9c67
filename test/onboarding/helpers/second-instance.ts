import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { Sandbox } from '../../../sandbox/sandbox.js'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const STARTUP_TIMEOUT_MS = 45_000

export interface SecondInstance {
  /** Where the second tenant-hub listens, e.g. `http://localhost:40123`. */
  readonly url: string
  stop(): Promise<void>
}

/**
 * Starts another tenant-hub as its own process, bound to the same sandbox as a second CF app instance would be
 * (`npx cds-tsx serve --profile sandbox`, the way `npm start` runs it), with its own in-memory database.
 */
export async function startSecondInstance(sandbox: Sandbox): Promise<SecondInstance> {
  const child = spawn('npx', ['cds-tsx', 'serve', '--profile', 'sandbox'], {
    cwd: ROOT,
    // its own process group, so that stopping it also stops the node process npx starts
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...sandbox.appEnvironment(),
      NODE_EXTRA_CA_CERTS: join(ROOT, 'sandbox', 'certs', 'ca.pem'),
      PORT: '0',
      CDS_CONFIG: JSON.stringify({ requires: { db: { kind: 'sqlite', credentials: { url: ':memory:' } } } })
    }
  })
  const url = await listeningUrl(child)
  return {
    url,
    stop: () =>
      new Promise(resolve => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        process.kill(-child.pid!, 'SIGTERM')
      })
  }
}

/** The URL from cds' `server listening on { url: '…' }` line; fails with the output if the server does not start. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const fail = (why: string) => {
      clearTimeout(timer)
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM')
      reject(new Error(`second tenant-hub ${why}:\n${output}`))
    }
    const timer = setTimeout(() => fail(`did not listen within ${STARTUP_TIMEOUT_MS} ms`), STARTUP_TIMEOUT_MS)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /server listening on \{ url: '([^']+)' \}/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', code => fail(`exited with code ${code}`))
  })
}
