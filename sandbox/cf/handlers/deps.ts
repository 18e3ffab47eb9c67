import type { CfSandboxConfig } from '../config.js'
import type { RouteDeletionJobs } from '../jobs.js'
import type { CfStore } from '../store.js'

/** What the CF handlers are built from. */
export interface CfHandlerDeps {
  store: CfStore
  jobs: RouteDeletionJobs
  config: CfSandboxConfig
  /** Base URL of the UAA simulator, announced as `login` and `uaa`. */
  uaaUrl: string
}
