import type { Assignments, DataCenter, GlobalAccount, Subaccount } from './cis-types.js'
import type { ArrayPath } from './json-splitter.js'
import { withTimestamps } from './dates.js'
import { locateCisDestination, type CisSource } from './destination.js'
import { CisMalformedResponseError } from './errors.js'
import { CisTransport, withCisRetries, type CisTransportOptions } from './transport.js'

export type CisClientOptions = CisTransportOptions

/** Receives the subaccounts of a global account tree one by one, as they arrive. */
export interface SubaccountSink {
  /** The answer is read again from its start (a retry): forget what was added so far. */
  restart(): void
  add(subaccount: Subaccount): void
}

export interface AssignmentSelection {
  /** Only the assignments of this subaccount; omitted = every assignment of the global account. */
  subaccountGuid?: string
}

/**
 * A typed, read-only client of the CIS accounts and entitlements services (WIRE-REFERENCE §B) for one caller.
 * Answers come with epoch-millisecond dates converted to ISO timestamps; CIS error envelopes become `CisApiError`.
 */
export class CisClient {
  /** Whose destination the client uses. */
  readonly source: CisSource
  readonly #transport: CisTransport

  constructor(source: CisSource, transport: CisTransport) {
    this.source = source
    this.#transport = transport
  }

  /**
   * The global account with its hierarchy (`expand=true`): directories at any depth, and every subaccount handed
   * to `subaccounts` as it arrives instead of kept in the tree (whose `subaccounts` arrays come back empty), so that
   * a 10,000-subaccount answer (9 MB) is never held whole.
   */
  async getGlobalAccountTree(subaccounts: SubaccountSink): Promise<GlobalAccount> {
    const operation = 'get global account'
    const body = await this.#transport.getSplit<GlobalAccount>('accounts', operation, '/accounts/v1/globalAccount?expand=true', {
      shouldSplit: isSubaccountList,
      startAttempt: () => {
        subaccounts.restart()
        return element => subaccounts.add(withTimestamps(requireGuid(element, operation)))
      }
    })
    return withTimestamps(requireGuid(body, operation))
  }

  /** One subaccount; `CisApiError` 404 (code 20004) when the global account has none with this guid. */
  async getSubaccount(guid: string): Promise<Subaccount> {
    const operation = 'get subaccount'
    const body = await this.#transport.get<Subaccount>('accounts', operation, `/accounts/v1/subaccounts/${encodeURIComponent(guid)}`)
    return withTimestamps(requireGuid(body, operation))
  }

  /** Entitlements and their assignments, auto-managed plans included. */
  async getAssignments(selection: AssignmentSelection = {}): Promise<Assignments> {
    const operation = 'get entitlement assignments'
    const path = `/entitlements/v1/assignments${query({ subaccountGUID: selection.subaccountGuid, includeAutoManagedPlans: 'true' })}`
    // Read in parts (the assignments of each plan on their own) and put back together: the answer for a global
    // account of 10,000 subaccounts is 7 MB, and so is never held as one text.
    let assignmentLists = new Map<ArrayPath, unknown[]>()
    const body = await this.#transport.getSplit<Partial<Assignments>>('entitlements', operation, path, {
      shouldSplit: isAssignmentList,
      startAttempt: () => {
        const lists = (assignmentLists = new Map())
        return (element, list) => {
          const elements = lists.get(list)
          if (elements) elements.push(element)
          else lists.set(list, [element])
        }
      }
    })
    if (!Array.isArray(body.entitledServices) || !Array.isArray(body.assignedServices)) throw new CisMalformedResponseError(operation, 200)
    for (const [[, service, , plan], elements] of assignmentLists) body.assignedServices[service as number].servicePlans[plan as number].assignmentInfo = elements as never
    return withTimestamps<Assignments>({ entitledServices: body.entitledServices, assignedServices: body.assignedServices })
  }

  /** The data centers the global account may use, optionally of one region only. */
  async getAllowedDataCenters(region?: string): Promise<DataCenter[]> {
    const operation = 'get allowed data centers'
    const body = await this.#transport.get<{ datacenters?: DataCenter[] }>(
      'entitlements',
      operation,
      `/entitlements/v1/globalAccountAllowedDataCenters${query({ region })}`
    )
    if (!Array.isArray(body.datacenters)) throw new CisMalformedResponseError(operation, 200)
    return body.datacenters
  }
}

/**
 * A client on the caller's CIS destination, subscriber-first: the caller tenant's own destination when its JWT
 * finds one, else the provider's (see `locateCisDestination`). The lookup is retried like a CIS request: on a cold
 * cache it is the first call of a sync, and a blip of the destination service or a token service ends it.
 */
export async function openCisClient(options: CisClientOptions, caller: { jwt?: string }): Promise<CisClient> {
  const ref = await withCisRetries(`locating destination ${options.destination}`, options.retry, () => locateCisDestination(options.destination, caller.jwt))
  return new CisClient(ref.source, new CisTransport(ref, options))
}

function requireGuid<T extends { guid?: unknown }>(body: unknown, operation: string): T {
  const guid = body && typeof body === 'object' ? (body as { guid?: unknown }).guid : undefined
  if (typeof guid !== 'string' || !guid) throw new CisMalformedResponseError(operation, 200)
  return body as T
}

/** The `subaccounts` of the global account or of a directory at any depth: `children/0/children/2/subaccounts`. */
function isSubaccountList(path: ArrayPath): boolean {
  if (path.length % 2 === 0 || path[path.length - 1] !== 'subaccounts') return false
  for (let i = 0; i < path.length - 1; i += 2) if (path[i] !== 'children' || typeof path[i + 1] !== 'number') return false
  return true
}

/** The assignments of an assigned plan: `assignedServices/3/servicePlans/1/assignmentInfo`. */
function isAssignmentList(path: ArrayPath): boolean {
  return path.length === 5 && path[0] === 'assignedServices' && path[2] === 'servicePlans' && path[4] === 'assignmentInfo'
}

/** A query string with each value percent-encoded (the Cloud SDK sends paths as given, WIRE-REFERENCE §F.2). */
function query(params: Record<string, string | undefined>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}
