import { CF_LANDSCAPE } from '../identities.js'
import type { AppRecord, DomainRecord, Metadata, OrganizationRecord, RouteRecord, SpaceRecord } from './store.js'

/** Fixed guids and names of the seeded landscape, so tests and the control surface can refer to them. */
export const CF_SEED = {
  org: { guid: '3f1b7c2e-8a4d-4e6f-9b0a-1c2d3e4f5a61', name: CF_LANDSCAPE.org },
  space: { guid: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c92', name: CF_LANDSCAPE.space },
  approuterApp: { guid: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e23', name: CF_LANDSCAPE.approuterApp },
  srvApp: { guid: 'b1c2d3e4-f5a6-4b7c-9d8e-0f1a2b3c4d54', name: CF_LANDSCAPE.srvApp },
  sharedDomain: { guid: 'd4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f85', name: CF_LANDSCAPE.sharedDomain },
  certDomain: { guid: 'e5f6a7b8-c9d0-4e1f-9a2b-3c4d5e6f7a96', name: `cert.${CF_LANDSCAPE.sharedDomain}` },
  srvRoute: { guid: 'f6a7b8c9-d0e1-4f2a-8b3c-4d5e6f7a8b07', host: CF_LANDSCAPE.srvApp },
  /** Another customer on the same landscape: the technical user has no role there. */
  foreignOrg: { guid: '0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c38', name: 'another-customer-org' },
  foreignSpace: { guid: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d49', name: 'prod' },
  foreignApp: { guid: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e50', name: 'another-customer-app' },
  quota: { guid: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f71' }
} as const

/** Everything the in-memory store holds. */
export interface CfState {
  organizations: OrganizationRecord[]
  spaces: SpaceRecord[]
  domains: DomainRecord[]
  apps: AppRecord[]
  routes: RouteRecord[]
}

const SEEDED_AT = '2024-01-15T09:00:00Z'

function noMetadata(): Metadata {
  return { labels: {}, annotations: {} }
}

/** The landscape a fresh sandbox starts from (and `reset()` returns to). */
export function seedState(): CfState {
  const org = (guid: string, name: string): OrganizationRecord =>
    ({ guid, name, suspended: false, quotaGuid: CF_SEED.quota.guid, createdAt: SEEDED_AT, updatedAt: SEEDED_AT, metadata: noMetadata() })
  const space = (guid: string, name: string, organizationGuid: string): SpaceRecord =>
    ({ guid, name, organizationGuid, createdAt: SEEDED_AT, updatedAt: SEEDED_AT, metadata: noMetadata() })
  const sharedDomain = (guid: string, name: string): DomainRecord =>
    ({ guid, name, organizationGuid: null, internal: false, createdAt: SEEDED_AT, updatedAt: SEEDED_AT, metadata: noMetadata() })
  const app = (guid: string, name: string, spaceGuid: string): AppRecord => ({
    guid,
    name,
    spaceGuid,
    state: 'STARTED',
    lifecycle: { type: 'buildpack', buildpacks: ['nodejs_buildpack'], stack: 'cflinuxfs4' },
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    metadata: noMetadata()
  })

  return {
    organizations: [org(CF_SEED.org.guid, CF_SEED.org.name), org(CF_SEED.foreignOrg.guid, CF_SEED.foreignOrg.name)],
    spaces: [
      space(CF_SEED.space.guid, CF_SEED.space.name, CF_SEED.org.guid),
      space(CF_SEED.foreignSpace.guid, CF_SEED.foreignSpace.name, CF_SEED.foreignOrg.guid)
    ],
    domains: [
      sharedDomain(CF_SEED.sharedDomain.guid, CF_SEED.sharedDomain.name),
      sharedDomain(CF_SEED.certDomain.guid, CF_SEED.certDomain.name)
    ],
    apps: [
      app(CF_SEED.approuterApp.guid, CF_SEED.approuterApp.name, CF_SEED.space.guid),
      app(CF_SEED.srvApp.guid, CF_SEED.srvApp.name, CF_SEED.space.guid),
      app(CF_SEED.foreignApp.guid, CF_SEED.foreignApp.name, CF_SEED.foreignSpace.guid)
    ],
    routes: [
      {
        guid: CF_SEED.srvRoute.guid,
        host: CF_SEED.srvRoute.host,
        path: '',
        spaceGuid: CF_SEED.space.guid,
        domainGuid: CF_SEED.sharedDomain.guid,
        destinations: [
          { guid: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a82', appGuid: CF_SEED.srvApp.guid, processType: 'web', port: 8080, protocol: 'http1' }
        ],
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
        metadata: noMetadata()
      }
    ]
  }
}
