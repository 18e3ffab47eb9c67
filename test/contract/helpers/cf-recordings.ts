import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'

/** Shared wire specifications and recordings (WIRE-REFERENCE.md §0.1): `../shared/specs` beside the repository (where CI puts shared/); `TENANT_HUB_SPECS_DIR` overrides it. */
export const SPECS_DIR = process.env.TENANT_HUB_SPECS_DIR ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'specs')

/** One recorded HTTP exchange with real BTP traffic. */
export interface RecordedExchange {
  method: string
  url: URL
  requestBody: string
  /** Lower-cased header names. */
  requestHeaders: Record<string, string>
  status: number
  responseHeaders: Record<string, string>
  responseBody: string
}

interface GoVcrFile {
  interactions: Array<{
    request: { method: string; url: string; body: string; headers: Record<string, string[]> }
    response: { code: number; body: string; headers: Record<string, string[]> }
  }>
}

/** A go-vcr cassette of `recordings/cf-terraform/` (SAP/terraform-provider-cloudfoundry). */
export function goVcrRecording(name: string): RecordedExchange[] {
  const file = parseYaml(readFileSync(join(SPECS_DIR, 'recordings/cf-terraform', `${name}.yaml`), 'utf8')) as GoVcrFile
  return file.interactions.map(({ request, response }) => ({
    method: request.method,
    url: new URL(request.url),
    requestBody: request.body ?? '',
    requestHeaders: lowerCased(request.headers),
    status: response.code,
    responseHeaders: lowerCased(response.headers),
    responseBody: response.body ?? ''
  }))
}

interface NockEntry {
  scope?: string
  method?: string
  path?: string
  body?: unknown
  status?: number
  response?: unknown
  rawHeaders?: string[]
}

/** A nock recording of `recordings/mtx-tool/` (cap-js-community/mtx-tool); bodies there are trimmed to some fields. */
export function nockRecording(name: string): RecordedExchange[] {
  const entries = JSON.parse(readFileSync(join(SPECS_DIR, 'recordings/mtx-tool', `${name}.json`), 'utf8')) as NockEntry[]
  return entries
    .filter(entry => entry.scope && entry.path && entry.method)
    .map(entry => {
      const headers: Record<string, string> = {}
      const raw = entry.rawHeaders ?? []
      for (let i = 0; i + 1 < raw.length; i += 2) headers[raw[i].toLowerCase()] = raw[i + 1]
      return {
        method: entry.method!,
        url: new URL(entry.path!, entry.scope),
        requestBody: typeof entry.body === 'string' ? entry.body : JSON.stringify(entry.body ?? ''),
        requestHeaders: {},
        status: entry.status ?? 200,
        responseHeaders: headers,
        responseBody: typeof entry.response === 'string' ? entry.response : JSON.stringify(entry.response)
      }
    })
}

function lowerCased(headers: Record<string, string[]> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, values]) => [name.toLowerCase(), values.join(', ')]))
}

/** The recorded request's path and query with the recording's ids and names replaced by the sandbox's. */
export function replayTarget(exchange: RecordedExchange, substitutions: Readonly<Record<string, string>>): string {
  return substitute(`${exchange.url.pathname}${exchange.url.search}`, substitutions)
}

export function substitute(text: string, substitutions: Readonly<Record<string, string>>): string {
  let result = text
  for (const [recorded, sandbox] of Object.entries(substitutions)) result = result.replaceAll(recorded, sandbox)
  return result
}

/** The exchanges of a recording matching method and path (query ignored). */
export function exchangesOf(recording: readonly RecordedExchange[], method: string, pathPattern: RegExp): RecordedExchange[] {
  return recording.filter(e => e.method === method && pathPattern.test(e.url.pathname))
}
