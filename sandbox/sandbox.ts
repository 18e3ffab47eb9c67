import { appEnvironment } from './app-environment.js'
import { startApprouterStandIn, type ApprouterStandIn } from './approuter/index.js'
import { startCfSandbox, type CfSandbox, type CfSandboxConfig } from './cf/index.js'
import { CF_SEED } from './cf/seed.js'
import { startCisSandbox, type CisSandbox, type CisSandboxConfig } from './cis/index.js'
import { controlError, controlRouter, type ControlTarget } from './control/handlers.js'
import { startDestinationSandbox, type DestinationSandbox } from './destination/index.js'
import { DEMO_TENANTS, PROVIDER } from './identities.js'
import { CallCounter, FaultInjector, startSimServer, type FaultSpec, type SimServer } from './kernel/index.js'
import { landscapeDestinations } from './landscape-destinations.js'
import { startSaasRegistrySandbox, type SaasRegistrySandbox } from './saas/index.js'
import type { SaasRegistryConfig } from './saas/config.js'
import { startXsuaaSandbox, type XsuaaSandbox } from './xsuaa/index.js'

/** Ports of every simulator; 0 = a free port (tests). `npm run sandbox` uses DEFAULT_SANDBOX_PORTS. */
export interface SandboxPorts {
  /** The approuter stand-in that signs the UIs' requests in (sandbox only). */
  approuter: number
  control: number
  uaa: number
  cf: number
  xsuaa: number
  destination: number
  cisAccounts: number
  cisEntitlements: number
  cisUaa: number
  saas: number
}

export const DEFAULT_SANDBOX_PORTS: SandboxPorts = {
  approuter: 4000,
  control: 4100,
  uaa: 4101,
  cf: 4102,
  xsuaa: 4103,
  destination: 4104,
  cisAccounts: 4105,
  cisEntitlements: 4106,
  cisUaa: 4107,
  saas: 4108
}

const FREE_PORTS: SandboxPorts = { approuter: 0, control: 0, uaa: 0, cf: 0, xsuaa: 0, destination: 0, cisAccounts: 0, cisEntitlements: 0, cisUaa: 0, saas: 0 }

export interface SandboxOptions {
  /** Default: free ports. */
  ports?: Partial<SandboxPorts>
  cf?: Partial<Omit<CfSandboxConfig, 'ports'>>
  cis?: Partial<Omit<CisSandboxConfig, 'ports'>>
  saas?: Partial<Omit<SaasRegistryConfig, 'port'>>
  /** How long the destination service waits for a token service (default 10 s in the simulator). */
  destinationTokenTimeoutMs?: number
  /** Seed of the fault injector's ratio sequence. */
  faultSeed?: number
}

/** URLs of the running simulators, as written to `.sandbox/endpoints.json`. */
export interface SandboxEndpoints {
  /** The UIs, signed in as the provider's operator (`?sandbox-tenant=<subdomain>` for a subscriber). */
  approuter: string
  control: string
  uaa: string
  cf: string
  xsuaa: string
  destination: string
  cis: string
  cisEntitlements: string
  cisUaa: string
  saas: string
  /** tenant-hub, once registered with the sandbox's saas-registry. */
  app?: string
}

export interface Sandbox extends ControlTarget {
  readonly counter: CallCounter
  readonly faults: FaultInjector
  readonly cf: CfSandbox
  readonly cis: CisSandbox
  readonly xsuaa: XsuaaSandbox
  readonly destination: DestinationSandbox
  readonly saas: SaasRegistrySandbox
  readonly control: SimServer
  endpoints(): SandboxEndpoints
  /** Environment for tenant-hub: VCAP_SERVICES / VCAP_APPLICATION bound to the simulators. */
  appEnvironment(): Record<string, string>
  /** Tells the sandbox's saas-registry where tenant-hub listens. */
  registerApp(appUrl: string): void
  stop(): Promise<void>
}

/**
 * Starts the whole local BTP landscape: CF UAA + Cloud Controller, XSUAA, destination service (seeded with
 * CFAPI and CIS), CIS, saas-registry, and the control surface. One composition root; the simulators share
 * one call counter and one fault injector.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const ports = { ...FREE_PORTS, ...options.ports }
  const counter = new CallCounter()
  const faults = new FaultInjector(options.faultSeed)
  const ctx = { counter, faults }
  const started: Array<{ close(): Promise<void> }> = []
  const track = <T extends { close(): Promise<void> }>(component: T): T => (started.push(component), component)

  try {
    const cf = track(await startCfSandbox(ctx, { ...options.cf, ports: { uaa: ports.uaa, cf: ports.cf } }))
    const cis = track(
      await startCisSandbox(ctx, {
        ...options.cis,
        ports: { accounts: ports.cisAccounts, entitlements: ports.cisEntitlements, uaa: ports.cisUaa }
      })
    )
    const xsuaa = track(await startXsuaaSandbox(ctx, { port: ports.xsuaa }))
    const destination = track(
      await startDestinationSandbox(ctx, {
        xsuaa,
        port: ports.destination,
        seed: landscapeDestinations(cf, cis.credentials),
        ...(options.destinationTokenTimeoutMs ? { tokenRequestTimeoutMs: options.destinationTokenTimeoutMs } : {})
      })
    )
    const saas = track(
      await startSaasRegistrySandbox(
        ctx,
        {
          callbackToken: async () => xsuaa.issueClientToken({ role: 'saas-registry' }),
          onSubscriberCreated: subscriber => {
            registerZone(xsuaa, subscriber.tenantId, subscriber.subdomain)
            // Subscribers are subaccounts of the provider's global account (the saas-registry payload says so).
            cis.ensureSubscriberSubaccount(options.saas?.globalAccountGuid ?? PROVIDER.globalAccountGuid, subscriber)
          }
        },
        { ...options.saas, port: ports.saas }
      )
    )
    const app: AppRegistration = {}
    const approuter = track(await startApprouterStandIn({ xsuaa, appUrl: () => app.url, port: ports.approuter }))
    const sandbox = assemble({ counter, faults, cf, cis, xsuaa, destination, saas, approuter, app })
    const control = await startSimServer({
      name: 'control',
      router: controlRouter(sandbox),
      counter: new CallCounter(), // the control surface's own calls are not upstream calls
      faults: new FaultInjector(),
      renderError: (status, detail) => controlError(status, detail ?? `HTTP ${status}`),
      port: ports.control
    })
    return Object.assign(sandbox, {
      control,
      stop: async () => {
        await control.close()
        await Promise.all(started.map(component => component.close()))
      }
    })
  } catch (err) {
    await Promise.all(started.map(component => component.close().catch(() => undefined)))
    throw err
  }
}

/** Where tenant-hub listens, once it registered with the sandbox. */
interface AppRegistration {
  url?: string
}

interface Components {
  approuter: ApprouterStandIn
  app: AppRegistration
  counter: CallCounter
  faults: FaultInjector
  cf: CfSandbox
  cis: CisSandbox
  xsuaa: XsuaaSandbox
  destination: DestinationSandbox
  saas: SaasRegistrySandbox
}

function assemble(parts: Components): Omit<Sandbox, 'control' | 'stop'> & { control?: SimServer } {
  const { counter, faults, cf, cis, xsuaa, destination, saas, approuter, app } = parts

  const zoneOf = (tenant: string) =>
    xsuaa.zones.get(tenant) ??
    xsuaa.zones.findBySubdomain(tenant) ??
    DEMO_TENANTS.map(t => ({ tenantId: t.tenantId, subdomain: t.subdomain })).find(t => t.tenantId === tenant || t.subdomain === tenant)

  const endpoints = (control?: SimServer): SandboxEndpoints => ({
    approuter: approuter.url,
    control: control?.url ?? '',
    uaa: cf.uaa.url,
    cf: cf.cf.url,
    xsuaa: xsuaa.url,
    destination: destination.url,
    cis: cis.accounts.url,
    cisEntitlements: cis.entitlements.url,
    cisUaa: cis.uaa.url,
    saas: saas.server.url,
    ...(app.url ? { app: app.url } : {})
  })

  const sandbox: Omit<Sandbox, 'control' | 'stop'> & { control?: SimServer } = {
    counter,
    faults,
    cf,
    cis,
    xsuaa,
    destination,
    saas,
    endpoints: () => endpoints(sandbox.control),
    state: () => ({
      endpoints: endpoints(sandbox.control),
      routes: (cf.snapshot() as { routes: unknown[] }).routes,
      calls: counter.snapshot(),
      faults: faults.list(),
      cf: cf.snapshot(),
      cis: cis.snapshot(),
      xsuaa: xsuaa.snapshot(),
      destinations: destination.snapshot(),
      saas: saas.snapshot()
    }),
    addFaults: (specs: FaultSpec[]) => specs.map(spec => faults.add(spec)),
    clearFaults: () => faults.clear(),
    resetCounters: () => counter.reset(),
    reset: () => {
      faults.clear()
      counter.reset()
      cf.reset()
      cis.reset()
      xsuaa.reset()
      destination.reset()
      saas.reset()
    },
    issueUserToken: ({ tenant, scopes, userName }) => {
      const zone = zoneOf(tenant)
      if (!zone) throw new UnknownTenantError(tenant)
      return xsuaa.issueUserToken({ tenantId: zone.tenantId, subdomain: zone.subdomain, userName: userName ?? `user@${zone.subdomain}.example.com`, scopes })
    },
    putDestination: ({ tenant, destination: properties }) => {
      const zone = tenant ? zoneOf(tenant) : undefined
      destination.store.put(destination.subaccountLevel(zone?.tenantId ?? tenant), properties as never)
    },
    deleteDestination: ({ tenant, name }) => destination.store.delete(destination.subaccountLevel(zoneOf(tenant)?.tenantId ?? tenant), name),
    registerSubscriber: ({ tenantId, subdomain }) => registerZone(xsuaa, tenantId, subdomain),
    appEnvironment: () =>
      appEnvironment({
        xsuaa: xsuaa.bindingCredentials(),
        destination: destination.bindingCredentials(),
        saasRegistry: xsuaa.saasRegistryBindingCredentials(saas.server.url),
        cfApi: cf.cf.url,
        space: CF_SEED.space,
        organization: CF_SEED.org,
        srvApp: CF_SEED.srvApp
      }),
    registerApp: (url: string) => {
      app.url = url
      saas.registry.register({ appUrl: url })
    }
  }
  return sandbox
}

/**
 * Gives a new subscriber its XSUAA zone, as BTP has one for every subaccount. A subdomain that is no valid zone
 * name (tests feed such names on purpose) gets none: the subscription still reaches tenant-hub, which refuses it.
 */
function registerZone(xsuaa: XsuaaSandbox, tenantId: string, subdomain: string): void {
  if (xsuaa.zones.get(tenantId)) return
  try {
    xsuaa.zones.add({ tenantId, subdomain: subdomain.toLowerCase() })
  } catch {
    // not a valid zone subdomain
  }
}

export class UnknownTenantError extends Error {
  readonly status = 404
  constructor(tenant: string) {
    super(`No tenant "${tenant}" in the sandbox: subscribe it first (npm run saas -- subscribe <subdomain>).`)
    this.name = 'UnknownTenantError'
  }
}
