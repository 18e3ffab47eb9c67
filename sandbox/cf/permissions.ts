import type { SpaceRole } from './config.js'
import type { CfStore, DomainRecord } from './store.js'

/** Roles that may manage apps and routes (CC `can_manage_apps_in_active_space?`). */
const MANAGING_ROLES = new Set<SpaceRole['type']>(['space_developer', 'space_supporter'])

/** What one user may see and change, derived from their space roles (no admin, no org roles). */
export class Permissions {
  readonly #roles: readonly SpaceRole[]
  readonly #store: CfStore

  constructor(roles: readonly SpaceRole[], store: CfStore) {
    this.#roles = roles
    this.#store = store
  }

  canReadSpace(spaceGuid: string): boolean {
    return this.#roles.some(role => role.spaceGuid === spaceGuid)
  }

  canManageSpace(spaceGuid: string): boolean {
    return this.#roles.some(role => role.spaceGuid === spaceGuid && MANAGING_ROLES.has(role.type))
  }

  /** A space role makes the user a member of the space's organization. */
  canReadOrganization(organizationGuid: string): boolean {
    return this.#store.spaces().some(space => space.organizationGuid === organizationGuid && this.canReadSpace(space.guid))
  }

  /** Shared domains are visible to everyone, private ones to members of their organization. */
  canReadDomain(domain: DomainRecord): boolean {
    return domain.organizationGuid === null || this.canReadOrganization(domain.organizationGuid)
  }
}
