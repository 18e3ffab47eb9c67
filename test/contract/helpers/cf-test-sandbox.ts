import { randomUUID } from 'node:crypto'
import { CF_LANDSCAPE } from '../../../sandbox/identities.js'
import { CallCounter, FaultInjector } from '../../../sandbox/kernel/index.js'
import { startCfSandbox, type CfSandbox, type CfSandboxConfig } from '../../../sandbox/cf/index.js'

/** Response bodies are asserted field by field; their static type is deliberately loose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

export interface Answer {
  status: number
  headers: Headers
  text: string
  /** The parsed body when it is JSON (whatever the content type says), else `undefined`. */
  json: Json
}

export interface RequestOptions {
  token?: string
  /** Sent as JSON. */
  body?: unknown
  /** Sent as `application/x-www-form-urlencoded`. */
  form?: Record<string, string>
  headers?: Record<string, string>
}

export async function request(method: string, url: string, options: RequestOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
  if (options.token) headers.authorization = `bearer ${options.token}`
  let body: string | undefined
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(options.body)
  } else if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(options.form).toString()
  }
  const response = await fetch(url, { method, headers, body })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: parseJson(text) }
}

function parseJson(text: string): Json {
  try {
    return text ? JSON.parse(text) : undefined
  } catch {
    return undefined
  }
}

/** A running CF landscape for one test file, with its own counter and fault injector. */
export interface CfTestLandscape {
  sandbox: CfSandbox
  counter: CallCounter
  faults: FaultInjector
  /** Token of the technical user (SpaceDeveloper in the seeded space). */
  techToken: string
  /** `request` against the CF API, with the technical user's token unless another is given. */
  cf(method: string, path: string, options?: RequestOptions): Promise<Answer>
  uaa(method: string, path: string, options?: RequestOptions): Promise<Answer>
  close(): Promise<void>
}

export async function startCfTestLandscape(config?: Partial<CfSandboxConfig>): Promise<CfTestLandscape> {
  const counter = new CallCounter()
  const faults = new FaultInjector()
  const sandbox = await startCfSandbox({ counter, faults }, config)
  const techToken = sandbox.tokenFor(CF_LANDSCAPE.technicalUser.username)
  return {
    sandbox,
    counter,
    faults,
    techToken,
    cf: (method, path, options = {}) => request(method, `${sandbox.cf.url}${path}`, { token: techToken, ...options }),
    uaa: (method, path, options) => request(method, `${sandbox.uaa.url}${path}`, options),
    close: () => sandbox.close()
  }
}

/** A host name no other test uses. */
export function uniqueHost(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`
}

export function waitMs(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}
