import type { FaultSpec } from '../../sandbox/kernel/index.js'
import { CF_LANDSCAPE } from '../../sandbox/identities.js'
import type { Sandbox } from '../../sandbox/sandbox.js'

/** The faults of the matrix, as sandbox fault specs without simulator. */
export const FAULTS: Record<string, (delayPastTimeoutMs: number) => Omit<FaultSpec, 'simulator'>> = {
  '500': () => ({ status: 500 }),
  '429 with Retry-After': () => ({ status: 429, retryAfter: 1 }),
  'a delay past the timeout': delayMs => ({ delayMs }),
  'a connection reset': () => ({ reset: true }),
  'malformed JSON': () => ({ malformed: true }),
  'a rejected token (401)': () => ({ status: 401 })
}

/** Everything that must never appear in logs or responses: passwords, client secrets, tokens. */
export function secretsOf(sandbox: Sandbox): string[] {
  return [
    CF_LANDSCAPE.technicalUser.password,
    ...sandbox.cis.credentials.map(c => c.clientSecret),
    sandbox.xsuaa.client('application').clientSecret,
    sandbox.xsuaa.client('destination').clientSecret,
    sandbox.xsuaa.client('saas-registry').clientSecret
  ]
}

/** A JWT: three base64url parts, the first two starting with `{"` encoded (`eyJ`). */
export const JWT = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/

export function leakedSecrets(text: string, secrets: string[]): string[] {
  const leaks = secrets.filter(secret => secret && text.includes(secret)).map(secret => `${secret.slice(0, 3)}…`)
  if (JWT.test(text)) leaks.push('a JWT')
  return leaks
}
