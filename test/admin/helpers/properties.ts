import { readFileSync } from 'node:fs'

/**
 * Reads a Java properties file, the format the BTP cockpit exports and imports destinations in:
 * `#`/`!` comments, `key=value` or `key:value`, backslash escapes. Line continuations are refused (the templates use none).
 */
export function readProperties(file: string): Record<string, string> {
  const properties: Record<string, string> = {}
  for (const raw of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trimStart()
    if (!line || line.startsWith('#') || line.startsWith('!')) continue
    if (/(^|[^\\])(\\\\)*\\$/.test(line)) throw new Error(`${file}: line continuation in "${line}"`)
    const separator = line.search(/(?<!\\)[=:]/)
    const [key, value] = separator < 0 ? [line, ''] : [line.slice(0, separator), line.slice(separator + 1)]
    properties[unescape(key.trim())] = unescape(value.trimStart())
  }
  return properties
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, (_, character: string) => ({ t: '\t', n: '\n', r: '\r', f: '\f' })[character] ?? character)
}
