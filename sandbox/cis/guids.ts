import { createHash } from 'node:crypto'

/**
 * A name-based GUID in the UUID v5 layout (SHA-1 over the parts): the same parts give the same GUID on every
 * start, so seeded and generated entities keep their ids across restarts and resets.
 */
export function stableGuid(...parts: string[]): string {
  const hex = createHash('sha1').update(parts.join('\u0000')).digest('hex')
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** A short lowercase suffix like the one BTP appends to generated subdomains (`…-b8xxozer`). */
export function stableSuffix(...parts: string[]): string {
  const digest = createHash('sha1').update(parts.join('\u0000')).digest()
  let suffix = ''
  for (let i = 0; i < 8; i++) suffix += 'abcdefghijklmnopqrstuvwxyz0123456789'[digest[i] % 36]
  return suffix
}
