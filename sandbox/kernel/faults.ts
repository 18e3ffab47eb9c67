/**
 * Fault injection: a fault applies to one simulator (optionally one endpoint label) for the next `times` calls
 * and/or a `ratio` of calls. Effects combine in this order: delay, then reset | malformed | status | bodyCut.
 */
export interface FaultSpec {
  /** Simulator name: `cf`, `uaa`, `xsuaa`, `destination`, `cis`, `saas`. */
  simulator: string
  /** Endpoint label (`POST /v3/routes`) or a path prefix (`/v3/routes`); omitted = every endpoint. */
  endpoint?: string
  /** Answer with this status (the simulator's own error envelope unless `body` is given). */
  status?: number
  body?: string | object
  headers?: Record<string, string>
  /** Adds `Retry-After: <seconds>`. */
  retryAfter?: number
  /** Waits this long before answering (or before applying the other effects). */
  delayMs?: number
  /** Destroys the socket without an answer (a real TCP reset). */
  reset?: boolean
  /** Answers 200 with a truncated JSON body. */
  malformed?: boolean
  /**
   * Answers as the endpoint would, but sends only the first half of the body, then leaves the connection open
   * without a further byte (`stall`) or resets it (`reset`): an upstream that dies half-way through a large answer.
   */
  bodyCut?: 'stall' | 'reset'
  /** For the next N matching calls. Default 1 unless `ratio` is given (then unlimited). */
  times?: number
  /** For this fraction of matching calls, 0..1 (deterministic sequence, see `seed`). */
  ratio?: number
}

export interface ActiveFault extends FaultSpec {
  id: number
  /** Calls this fault still applies to; `Infinity` when unlimited. */
  remaining: number
  applied: number
}

/** Holds the active faults and decides, per call, which fault (if any) applies. */
export class FaultInjector {
  #faults: ActiveFault[] = []
  #nextId = 1
  #random: () => number

  constructor(seed = 42) {
    this.#random = mulberry32(seed)
  }

  add(spec: FaultSpec): ActiveFault {
    validateFault(spec)
    const remaining = spec.times ?? (spec.ratio !== undefined ? Infinity : 1)
    const fault: ActiveFault = { ...spec, id: this.#nextId++, remaining, applied: 0 }
    this.#faults.push(fault)
    return fault
  }

  /** The fault to apply to this call, consuming one of its uses; `undefined` = answer normally. */
  take(simulator: string, endpoint: string, path: string): ActiveFault | undefined {
    for (const fault of this.#faults) {
      if (fault.simulator !== simulator || fault.remaining <= 0) continue
      if (fault.endpoint && fault.endpoint !== endpoint && !path.startsWith(fault.endpoint)) continue
      if (fault.ratio !== undefined && this.#random() >= fault.ratio) continue
      fault.remaining--
      fault.applied++
      return fault
    }
    return undefined
  }

  list(): ActiveFault[] {
    return this.#faults.filter(f => f.remaining > 0)
  }

  clear(): void {
    this.#faults = []
  }
}

export class InvalidFaultError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InvalidFaultError'
  }
}

function validateFault(spec: FaultSpec): void {
  if (!spec || typeof spec.simulator !== 'string' || !spec.simulator) throw new InvalidFaultError('fault needs "simulator"')
  const effects = [spec.status !== undefined, !!spec.reset, !!spec.malformed, spec.delayMs !== undefined, spec.bodyCut !== undefined]
  if (!effects.some(Boolean)) throw new InvalidFaultError('fault needs one of "status", "reset", "malformed", "delayMs", "bodyCut"')
  if (spec.bodyCut !== undefined && spec.bodyCut !== 'stall' && spec.bodyCut !== 'reset') throw new InvalidFaultError('"bodyCut" must be "stall" or "reset"')
  if (spec.status !== undefined && (!Number.isInteger(spec.status) || spec.status < 100 || spec.status > 599))
    throw new InvalidFaultError('"status" must be an HTTP status code')
  if (spec.ratio !== undefined && !(spec.ratio >= 0 && spec.ratio <= 1)) throw new InvalidFaultError('"ratio" must be within 0..1')
  if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times > 0))
    throw new InvalidFaultError('"times" must be a positive integer')
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
