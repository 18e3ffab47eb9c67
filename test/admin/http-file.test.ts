import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sandboxApp } from '../helpers/sandbox-app.js'

/** Runs tenant-hub.http, request by request, against a sandbox: every request an operator copies from it works. */
const app = sandboxApp({ auth: 'xsuaa' })

interface HttpRequest {
  title: string
  name?: string
  method: string
  url: string
  headers: Record<string, string>
  body?: string
}

/** The requests of a REST Client file: `@var = value` lines, `###` separators, `# @name`, request line, headers, body. */
function parseHttpFile(text: string): { variables: Record<string, string>; requests: HttpRequest[] } {
  const variables: Record<string, string> = {}
  const requests: HttpRequest[] = []
  for (const [index, block] of text.split(/^###/m).entries()) {
    const lines = block.split('\n')
    const title = index === 0 ? '' : lines.shift()!.trim()
    const name = lines.find(line => line.startsWith('# @name '))?.slice('# @name '.length).trim()
    const content = lines.filter(line => !line.startsWith('#'))
    for (const line of content) {
      const variable = /^@(\w+)\s*=\s*(.*)$/.exec(line)
      if (variable) variables[variable[1]] = variable[2].trim()
    }
    const start = content.findIndex(line => /^(GET|POST|PUT|PATCH|DELETE) /.test(line))
    if (start < 0) continue
    const [method, url] = content[start].split(' ')
    const rest = content.slice(start + 1)
    const blank = rest.findIndex(line => !line.trim())
    const headerLines = blank < 0 ? rest : rest.slice(0, blank)
    const headers = Object.fromEntries(headerLines.map(line => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]))
    const body = blank < 0 ? undefined : rest.slice(blank).join('\n').trim() || undefined
    requests.push({ title, name, method, url, headers, body })
  }
  return { variables, requests }
}

test('every request of tenant-hub.http succeeds against the sandbox, in order', async () => {
  const { variables, requests } = parseHttpFile(readFileSync(join(import.meta.dirname, '..', '..', 'tenant-hub.http'), 'utf8'))
  const endpoints = app.sandbox.endpoints()
  Object.assign(variables, { app: (app.test as unknown as { url: string }).url, control: endpoints.control, saas: endpoints.saas })
  const responses: Record<string, unknown> = {}
  const expand = (text: string) =>
    text.replace(/\{\{([\w.]+)\}\}/g, (_, path: string) => {
      const [first, ...rest] = path.split('.')
      const value = rest.length ? rest.slice(2).reduce((object: unknown, key) => (object as Record<string, unknown>)[key], responses[first]) : variables[first]
      if (typeof value !== 'string') throw new Error(`{{${path}}} has no value`)
      return value
    })

  expect(requests.length).toBeGreaterThanOrEqual(10)
  for (const request of requests) {
    const response = await fetch(expand(request.url), {
      method: request.method,
      headers: Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, expand(value)])),
      body: request.body && expand(request.body)
    })
    const text = await response.text()
    expect({ request: request.title, status: response.status, body: response.ok ? '' : text }).toEqual({ request: request.title, status: expect.any(Number), body: '' })
    if (request.name) responses[request.name] = JSON.parse(text)
  }
})
