import { timingSafeEqual } from 'node:crypto'
import type { ClientRole, OAuthClient } from './xsuaa-types.js'

/**
 * The OAuth clients of the bindings. Unlike real XSUAA, where a subscriber zone holds a client only after the
 * subscription cloned it there, every client exists in every zone.
 */
export class ClientRegistry {
  readonly #byRole: Record<ClientRole, OAuthClient>

  constructor(clients: Record<ClientRole, OAuthClient>) {
    this.#byRole = clients
  }

  byRole(role: ClientRole): OAuthClient {
    return this.#byRole[role]
  }

  byId(clientId: string): OAuthClient | undefined {
    return this.list().find(client => client.clientId === clientId)
  }

  /** The client whose id and secret match, or `undefined`. */
  authenticate(clientId: string, clientSecret: string): OAuthClient | undefined {
    const client = this.byId(clientId)
    return client && sameSecret(client.clientSecret, clientSecret) ? client : undefined
  }

  list(): OAuthClient[] {
    return Object.values(this.#byRole)
  }
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}
