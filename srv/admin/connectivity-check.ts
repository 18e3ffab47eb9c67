import cds from '@sap/cds'
import type { HttpDestination } from '@sap-cloud-sdk/connectivity'
import { CheckStatus } from '#cds-models/AdminService'
import { CfClient, CfTransport } from '../cf/index.js'
import {
  ConnectivityError,
  DestinationNotFoundError,
  DestinationTokenError,
  resolveDestination,
  sendThroughDestination,
  UpstreamUnreachableError,
  type RemoteResponse
} from '../connectivity/index.js'
import type { TenantRoutesConfig } from '../onboarding/config.js'

const LOG = cds.log('admin')

/** One step of the check of one destination. */
export interface CheckResult {
  destination: string
  /** `destination`, `token`, `upstream`, `approuter-app` or `domain`. */
  check: string
  status: CheckStatus
  detail: string
}

/** What a check of CFAPI and CIS needs to know. */
export type ConnectivityCheckConfig = {
  /** The CIS destination (the provider's is checked). */
  cisDestination: string
  /** Upper bound of one remote call, retries included. */
  checkTimeoutMs: number
} & Pick<TenantRoutesConfig, 'destination' | 'spaceGuid' | 'approuterApp' | 'domain' | 'jobTimeoutMs' | 'firstJobPollMs' | 'baseBackoffMs' | 'maxBackoffMs'>

/** The path whose answer proves the CIS accounts API accepts the destination's token. */
const CIS_PROBE = '/accounts/v1/globalAccount'

/**
 * Tells an operator, before the first consumer subscribes, whether tenant-hub can reach what it needs:
 * for `CFAPI` and `CIS` the destination is found, a token is obtained (else the destination service's reason),
 * and the upstream API accepts it; for `CFAPI` also that the approuter app and the tenant domain exist.
 * The destination and its token are resolved afresh (bypassing the destination cache) and the app and domain are
 * looked up without the guid cache, so the answer is about now. Steps after a failed one are `Skipped`.
 */
export class ConnectivityCheck {
  readonly #config: ConnectivityCheckConfig

  constructor(config: ConnectivityCheckConfig) {
    this.#config = config
  }

  async run(): Promise<CheckResult[]> {
    const [cf, cis] = await Promise.all([this.#checkCfApi(), this.#checkCis()])
    return [...cf, ...cis]
  }

  async #checkCfApi(): Promise<CheckResult[]> {
    const { destination: name, spaceGuid, approuterApp, domain } = this.#config
    const steps = new Steps(name, ['destination', 'token', 'upstream', 'approuter-app', 'domain'])
    const destination = await resolveFor(steps)
    if (!destination) return steps.done()
    if (!spaceGuid) {
      steps.fail('upstream', "tenant-hub cannot tell its CF space: VCAP_APPLICATION has no space_id; set cds.requires['tenant-routes'].spaceGuid.")
      return steps.done()
    }
    const { answer: space, failure } = await this.#probe(name, destination, `/v3/spaces/${encodeURIComponent(spaceGuid)}`)
    if (!space) steps.fail('upstream', failure)
    else if (space.status === 200) steps.pass('upstream', `${destination.url} accepted the token; space ${(space.data as { name?: string }).name} (${spaceGuid})`)
    else if (space.status === 401) steps.fail('upstream', `${destination.url} rejected the destination's token: ${remoteError(space)}.`)
    else if (space.status === 403 || space.status === 404)
      steps.fail('upstream', `The technical user cannot see space ${spaceGuid} (${remoteError(space)}): give it the Space Developer role in tenant-hub's space.`)
    else steps.fail('upstream', `${destination.url} answered ${remoteError(space)}.`)
    if (steps.failed) return steps.done()

    const cf = this.#freshCfClient()
    try {
      steps.pass('approuter-app', `app ${approuterApp} (${await cf.appGuid(spaceGuid, approuterApp)})`)
    } catch (err) {
      steps.fail('approuter-app', `${(err as Error).message}: tenant routes are mapped to the approuter app "${approuterApp}" (cds.requires['tenant-routes'].approuterApp).`)
    }
    try {
      steps.pass('domain', `domain ${domain} (${await cf.domainGuid(domain)})`)
    } catch (err) {
      steps.fail('domain', `${(err as Error).message}: tenant routes are created on "${domain}" (cds.requires['tenant-routes'].domain).`)
    }
    return steps.done()
  }

  async #checkCis(): Promise<CheckResult[]> {
    const name = this.#config.cisDestination
    const steps = new Steps(name, ['destination', 'token', 'upstream'])
    const destination = await resolveFor(steps)
    if (!destination) return steps.done()
    const { answer, failure } = await this.#probe(name, destination, CIS_PROBE)
    if (!answer) steps.fail('upstream', failure)
    else if (answer.status === 200) steps.pass('upstream', `${destination.url} accepted the token; global account ${(answer.data as { displayName?: string }).displayName}`)
    else if (answer.status === 401 || answer.status === 403)
      steps.fail('upstream', `${destination.url} refused the token (${remoteError(answer)}): use a service key of the Cloud Management Service, plan central-viewer.`)
    else steps.fail('upstream', `${destination.url}${CIS_PROBE} answered ${remoteError(answer)}.`)
    return steps.done()
  }

  /** One GET through the destination: its answer whatever the status, or why nothing answered. */
  async #probe(name: string, destination: HttpDestination, path: string): Promise<{ answer: RemoteResponse; failure?: never } | { answer?: never; failure: string }> {
    try {
      return { answer: await sendThroughDestination(name, destination, { method: 'GET', path, timeoutMs: this.#config.checkTimeoutMs }) }
    } catch (err) {
      if (!(err instanceof UpstreamUnreachableError)) throw err
      return { failure: err.message }
    }
  }

  /** A CfClient of its own: no cached guids, and a deadline short enough for an operator waiting for the answer. */
  #freshCfClient(): CfClient {
    const { destination, checkTimeoutMs, baseBackoffMs, maxBackoffMs } = this.#config
    const transport = new CfTransport({ destination, requestTimeoutMs: checkTimeoutMs, retry: { deadlineMs: checkTimeoutMs, baseBackoffMs, maxBackoffMs } })
    return new CfClient(transport, this.#config)
  }
}

/** Logs the outcome of a check, one line per destination; failures as warnings naming the problem. */
export function logCheck(results: CheckResult[]): void {
  for (const name of new Set(results.map(result => result.destination))) {
    const own = results.filter(result => result.destination === name)
    const failed = own.filter(result => result.status === CheckStatus.Failed)
    if (failed.length) LOG.warn('destination', name, 'is not usable:', failed.map(result => `${result.check}: ${result.detail}`).join(' | '))
    else LOG.info('destination', name, 'OK:', own.map(result => `${result.check} ${result.detail}`).join('; '))
  }
}

/** Resolves the destination afresh and records the `destination` and `token` steps. */
async function resolveFor(steps: Steps): Promise<HttpDestination | undefined> {
  let destination: HttpDestination
  try {
    destination = await resolveDestination(steps.destination, { useCache: false })
  } catch (err) {
    if (err instanceof DestinationTokenError) {
      steps.pass('destination', 'found')
      steps.fail('token', err.message)
    } else if (err instanceof DestinationNotFoundError || err instanceof ConnectivityError) {
      steps.fail('destination', err.message)
    } else throw err
    return undefined
  }
  steps.pass('destination', `found: ${destination.url} (${destination.authentication})`)
  const token = destination.authTokens?.find(candidate => !candidate.error)
  steps.pass('token', token ? `obtained (${token.type}, expires in ${token.expiresIn ?? '?'} s)` : `none needed (${destination.authentication})`)
  return destination
}

/** The results of one destination's steps, in order; once one fails, the rest are `Skipped`. */
class Steps {
  readonly destination: string
  readonly #order: string[]
  readonly #results = new Map<string, CheckResult>()
  failed = false

  constructor(destination: string, order: string[]) {
    this.destination = destination
    this.#order = order
  }

  pass(check: string, detail: string): void {
    this.#results.set(check, { destination: this.destination, check, status: CheckStatus.OK, detail })
  }

  fail(check: string, detail: string): void {
    this.failed = true
    this.#results.set(check, { destination: this.destination, check, status: CheckStatus.Failed, detail })
  }

  done(): CheckResult[] {
    return this.#order.map(
      check =>
        this.#results.get(check) ?? {
          destination: this.destination,
          check,
          status: CheckStatus.Skipped,
          detail: 'not checked: an earlier step failed'
        }
    )
  }
}

/** Status and the remote's own error text (CF `errors[0]`, CIS `error.message`, OAuth `error_description`). */
function remoteError(response: RemoteResponse): string {
  const body = typeof response.data === 'string' ? tryParse(response.data) ?? response.data : response.data
  const cf = (body as { errors?: Array<{ title?: string; detail?: string }> })?.errors?.[0]
  const cis = (body as { error?: { message?: string } | string; error_description?: string })
  const text =
    (cf && `${cf.title ?? ''} ${cf.detail ?? ''}`.trim()) ||
    (typeof cis?.error === 'object' ? cis.error.message : undefined) ||
    cis?.error_description ||
    (typeof body === 'string' ? body.slice(0, 200) : '')
  return text ? `${response.status} ${text}` : `HTTP ${response.status}`
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
