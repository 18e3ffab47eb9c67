import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'

/** An RSA signing key with its key id, as an identity provider holds it. */
export interface SigningKey {
  kid: string
  privateKey: KeyObject
  publicKey: KeyObject
}

export function createSigningKey(kid: string): SigningKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return { kid, privateKey, publicKey: createPublicKey(privateKey) }
}

/** Signs a JWT (RS256) from a payload object; `jku` is set when the issuer publishes its keys at a URL. */
export function signJwt(payload: object, key: SigningKey, jku?: string): string {
  const header = { alg: 'RS256', typ: 'JWT', kid: key.kid, ...(jku ? { jku } : {}) }
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`
  const signature = sign('RSA-SHA256', Buffer.from(input), key.privateKey)
  return `${input}.${signature.toString('base64url')}`
}

/** Reads a JWT payload without verifying it (simulators verify signatures with `verifyJwt`). */
export function decodeJwt(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  try {
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
}

/** Verifies an RS256 JWT signed by `key` and not expired; returns its payload or `undefined`. */
export function verifyJwt(token: string, key: SigningKey, now = Date.now()): Record<string, unknown> | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  const ok = verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), key.publicKey, Buffer.from(parts[2], 'base64url'))
  if (!ok) return undefined
  const payload = decodeJwt(token)
  if (!payload || typeof payload.exp !== 'number' || payload.exp * 1000 <= now) return undefined
  return payload
}

/** The public key as a JWKS entry (`kty`, `n`, `e`, plus `kid`, `alg`, `use`, and `value` as PEM like XSUAA). */
export function publicJwk(key: SigningKey): Record<string, string> {
  const jwk = key.publicKey.export({ format: 'jwk' }) as Record<string, string>
  const pem = key.publicKey.export({ format: 'pem', type: 'spki' }).toString()
  return { kty: 'RSA', e: jwk.e, n: jwk.n, kid: key.kid, alg: 'RS256', use: 'sig', value: pem }
}

function base64url(s: string): string {
  return Buffer.from(s).toString('base64url')
}
