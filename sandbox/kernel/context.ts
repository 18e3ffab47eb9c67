import type { CallCounter } from './call-counter.js'
import type { FaultInjector } from './faults.js'

/** What every simulator gets from the sandbox composition root: shared counters and faults. */
export interface SimulatorContext {
  counter: CallCounter
  faults: FaultInjector
}
