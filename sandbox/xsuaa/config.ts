import { readFileSync } from 'node:fs'
import { DEMO_TENANTS, PROVIDER, XSAPPNAME } from '../identities.js'
import type { TlsMaterial } from '../kernel/index.js'
import type { ClientRole, OAuthClient, Zone } from './xsuaa-types.js'

export interface XsuaaConfig {
  /** 0 = a free port. */
  port: number
  /** Server key and certificate; default `sandbox/certs/localhost{-key,}.pem`, signed by `sandbox/certs/ca.pem`. */
  tls: TlsMaterial
  providerZone: Zone
  subscriberZones: Zone[]
  /** tenant-hub's xsappname; user scopes are `<xsappname>.<Scope>`. */
  xsappname: string
  clients: Record<ClientRole, OAuthClient>
  /** `expires_in` of issued tokens; real XSUAA answers 43199 by default. */
  tokenValiditySeconds: number
  /** `kid` of the signing key, as published at `/token_keys`. */
  keyId: string
  /** Name of tenant-hub in the saas-registry binding (`appName`). */
  appName: string
}

const certsDir = new URL('../certs/', import.meta.url)

export const XSUAA_DEFAULTS = {
  port: 0,
  tokenValiditySeconds: 43199,
  keyId: 'sandbox-jwt-key-1',
  appName: 'tenant-hub'
} as const

/**
 * Clients as XSUAA names them: the application plan client `sb-<xsappname>`, the destination instance's clone
 * (`sb-clone…|destination-xsappname!b404`) and the saas-registry binding's client (`…|lps-registry-broker!b13`).
 * The saas-registry client stands for the SaaS Provisioning service too, so its tokens carry the authority that
 * tenant-hub grants to `$XSAPPNAME(application,sap-provisioning,tenant-onboarding)`: `<xsappname>.mtcallback`.
 */
function defaultClients(xsappname: string): Record<ClientRole, OAuthClient> {
  return {
    application: {
      role: 'application',
      clientId: `sb-${xsappname}`,
      clientSecret: 'sandbox-xsuaa-application-secret',
      xsappname,
      authorities: ['uaa.resource'],
      serviceInstanceId: '0f1c4a2e-6d3b-4e5f-8a7b-1c2d3e4f5a60'
    },
    destination: {
      role: 'destination',
      clientId: 'sb-clone8c7a1e4b2f3d4c5e9a6b7c8d9e0f1a2b!b1000|destination-xsappname!b404',
      clientSecret: 'sandbox-xsuaa-destination-secret',
      xsappname: 'clone8c7a1e4b2f3d4c5e9a6b7c8d9e0f1a2b!b1000|destination-xsappname!b404',
      authorities: ['uaa.resource'],
      serviceInstanceId: '8c7a1e4b-2f3d-4c5e-9a6b-7c8d9e0f1a2b'
    },
    'saas-registry': {
      role: 'saas-registry',
      clientId: 'sb-5d9e2a7c-tenant-hub!b1000|lps-registry-broker!b13',
      clientSecret: 'sandbox-xsuaa-saas-registry-secret',
      xsappname: '5d9e2a7c-tenant-hub!b1000|lps-registry-broker!b13',
      authorities: ['uaa.resource', `${xsappname}.mtcallback`],
      serviceInstanceId: '5d9e2a7c-3b1f-4a6e-8c2d-9f0e1a2b3c4d'
    }
  }
}

/** The configuration with every omitted value defaulted (sandbox identities, committed certificates). */
export function resolveXsuaaConfig(overrides: Partial<XsuaaConfig> = {}): XsuaaConfig {
  const xsappname = overrides.xsappname ?? XSAPPNAME
  const defaults = {
    providerZone: { tenantId: PROVIDER.tenantId, subdomain: PROVIDER.subdomain },
    subscriberZones: DEMO_TENANTS.map(({ tenantId, subdomain }) => ({ tenantId, subdomain })),
    clients: defaultClients(xsappname),
    ...XSUAA_DEFAULTS
  }
  return { ...defaults, ...overrides, xsappname, tls: overrides.tls ?? sandboxTls() }
}

function sandboxTls(): TlsMaterial {
  return { key: readFileSync(new URL('localhost-key.pem', certsDir)), cert: readFileSync(new URL('localhost.pem', certsDir)) }
}
