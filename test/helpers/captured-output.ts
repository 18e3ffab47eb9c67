/* eslint-disable no-console -- this module replaces the console methods to capture their output */
/**
 * Captures everything the process writes (console and stdout/stderr, which cds.log and the Cloud SDK's logger
 * end up in) so that tests can search it, e.g. for secrets that must never be logged.
 */
export interface CapturedOutput {
  text(): string
  clear(): void
  stop(): void
}

export function captureOutput(): CapturedOutput {
  let captured = ''
  const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) }
  const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const
  const originalConsole = Object.fromEntries(consoleMethods.map(m => [m, console[m]])) as Record<(typeof consoleMethods)[number], (...args: unknown[]) => void>
  const record = (chunk: unknown) => {
    captured += typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk)
  }
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => (record(chunk), originals.out(chunk as string, ...(rest as [])))) as typeof process.stdout.write
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => (record(chunk), originals.err(chunk as string, ...(rest as [])))) as typeof process.stderr.write
  for (const method of consoleMethods) {
    console[method] = (...args: unknown[]) => {
      record(args.map(arg => (typeof arg === 'string' ? arg : inspect(arg))).join(' ') + '\n')
    }
  }
  return {
    text: () => captured,
    clear: () => (captured = ''),
    stop: () => {
      process.stdout.write = originals.out
      process.stderr.write = originals.err
      for (const method of consoleMethods) console[method] = originalConsole[method]
    }
  }
}

function inspect(value: unknown): string {
  if (value instanceof Error) return `${value.stack ?? value.message} ${JSON.stringify(value, Object.getOwnPropertyNames(value))}`
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}
