import { clearXsuaaServices, clientCredentialsTokenCache, destinationCache } from '@sap-cloud-sdk/connectivity/internal'
import { readFileSync } from 'node:fs'
import { getCACertificates } from 'node:tls'
import { startDestinationSandbox, type DestinationSandbox } from '../../../sandbox/destination/index.js'
import { CallCounter, FaultInjector, type SimulatorContext } from '../../../sandbox/kernel/index.js'
import { startXsuaaSandbox, type XsuaaSandbox } from '../../../sandbox/xsuaa/index.js'

const CA_FILE = new URL('../../../sandbox/certs/ca.pem', import.meta.url)

/**
 * xssec fetches tokens and keys over HTTPS only, through Node's default trust store, which takes the sandbox CA
 * from `NODE_EXTRA_CA_CERTS` at process start. Fail with the fix rather than with a certificate error later.
 */
export function assertSandboxCaTrusted(): void {
  const ca = readFileSync(CA_FILE, 'utf8').trim()
  if (!getCACertificates('default').some(cert => cert.trim() === ca)) {
    throw new Error('The sandbox CA is not trusted: run jest with NODE_EXTRA_CA_CERTS=sandbox/certs/ca.pem')
  }
}

export interface Sandboxes {
  ctx: SimulatorContext
  xsuaa: XsuaaSandbox
  destination: DestinationSandbox
  close(): Promise<void>
}

export async function startSandboxes(): Promise<Sandboxes> {
  assertSandboxCaTrusted()
  const ctx: SimulatorContext = { counter: new CallCounter(), faults: new FaultInjector() }
  const xsuaa = await startXsuaaSandbox(ctx)
  const destination = await startDestinationSandbox(ctx, { xsuaa })
  return {
    ctx,
    xsuaa,
    destination,
    close: async () => {
      await destination.close()
      await xsuaa.close()
    }
  }
}

/** VCAP_SERVICES of tenant-hub with its `xsuaa` and `destination` bindings; returns the function that restores the old value. */
export function bindServices({ xsuaa, destination }: Pick<Sandboxes, 'xsuaa' | 'destination'>): () => void {
  const previous = process.env.VCAP_SERVICES
  process.env.VCAP_SERVICES = JSON.stringify({
    xsuaa: [{ label: 'xsuaa', plan: 'application', name: 'tenant-hub-auth', tags: ['xsuaa'], credentials: xsuaa.bindingCredentials() }],
    destination: [
      { label: 'destination', plan: 'lite', name: 'tenant-hub-destination', tags: ['destination', 'conn', 'connsvc'], credentials: destination.bindingCredentials() }
    ]
  })
  return () => {
    if (previous === undefined) delete process.env.VCAP_SERVICES
    else process.env.VCAP_SERVICES = previous
  }
}

/** Every per-process cache of the Cloud SDK that would let one test see another's destinations or tokens. */
export async function clearSdkCaches(): Promise<void> {
  await destinationCache.clear()
  clientCredentialsTokenCache.clear()
  clearXsuaaServices()
}

/** The sandboxes back to their start state, counters and faults included. */
export function resetSandboxes({ ctx, xsuaa, destination }: Sandboxes): void {
  xsuaa.reset()
  destination.reset()
  ctx.counter.reset()
  ctx.faults.clear()
}
