import cds from '@sap/cds'
import { join } from 'node:path'
import { circuitBreakers } from '@sap-cloud-sdk/resilience/internal'
import { forgetDestinations } from '../../srv/connectivity/index.js'
import { resetTenantRoutes } from '../../srv/onboarding/tenant-routes.js'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/sandbox.js'

export interface SandboxAppOptions extends SandboxOptions {
  /**
   * `xsuaa` (default): the `sandbox` profile, real `@sap/xssec` validation of sandbox XSUAA tokens.
   * `mocked`: CAP's mocked users (`yves`, `viewer-t1`, ...), still bound to the sandbox's destination service.
   */
  auth?: 'xsuaa' | 'mocked'
}

export interface SandboxApp {
  readonly sandbox: Sandbox
  readonly test: ReturnType<typeof cds.test>
  /** Back to a fresh landscape between tests: sandbox state, counters, faults, and the app's caches. */
  reset(): Promise<void>
  /** Only the app's caches (destinations, CF guids): the next call takes the cold path, the landscape stays. */
  forgetAppCaches(): Promise<void>
}

/**
 * Starts the sandbox and tenant-hub bound to it (VCAP_SERVICES / VCAP_APPLICATION from the sandbox), for one
 * test file: the sandbox in `beforeAll`, then the app through `cds.test`, both stopped in `afterAll`.
 */
export function sandboxApp(options: SandboxAppOptions = {}): SandboxApp {
  let sandbox: Sandbox | undefined
  beforeAll(async () => {
    sandbox = await startSandbox(options)
    Object.assign(process.env, sandbox.appEnvironment())
    if (options.auth !== 'mocked') process.env.CDS_ENV = 'sandbox'
  })
  const test = cds.test(join(import.meta.dirname, '..', '..'))
  // cds.test sets `url` once the server listens; cds-types does not declare it.
  beforeAll(() => sandbox!.registerApp((test as unknown as { url: string }).url))
  afterAll(async () => {
    await sandbox?.stop()
    delete process.env.CDS_ENV
  })
  return {
    get sandbox() {
      if (!sandbox) throw new Error('the sandbox starts in beforeAll')
      return sandbox
    },
    test,
    reset: async () => {
      sandbox!.reset()
      await forgetAppCaches()
    },
    forgetAppCaches
  }
}

/** As a fresh process would be: no cached destinations or CF guids, and the Cloud SDK's circuit breakers closed. */
async function forgetAppCaches(): Promise<void> {
  await forgetDestinations()
  resetTenantRoutes()
  for (const key of Object.keys(circuitBreakers)) delete circuitBreakers[key]
}
