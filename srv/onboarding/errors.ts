import { CfApiError, CfLookupError } from '../cf/index.js'
import type { TenantRoutesConfig } from './config.js'

/** A subscription or unsubscription step failed; keeps the status, code and cause of what failed. */
export class OnboardingError extends Error {
  readonly status: number
  readonly code: string

  constructor(message: string, cause: unknown) {
    super(message, { cause })
    this.name = 'OnboardingError'
    const code = (cause as { code?: unknown } | undefined)?.code
    // CF's status is CF's answer to tenant-hub; towards saas-registry, a refusing CF API is a bad gateway.
    this.status = cause instanceof CfApiError ? 502 : (httpStatusOf(cause) ?? 502)
    this.code = typeof code === 'string' ? code : 'ONBOARDING_FAILED'
  }
}

/** The HTTP status an error carries: mtxs' database plugins set `status`, while mtxs' own checks read `statusCode`. */
export function httpStatusOf(err: unknown): number | undefined {
  const { status, statusCode } = (err ?? {}) as { status?: unknown; statusCode?: unknown }
  return [status, statusCode].find((value): value is number => typeof value === 'number' && value >= 400 && value < 600)
}

/** The message of a failed route operation, plus what to change where CF's own words do not say it. */
export function explain(err: unknown, config: Pick<TenantRoutesConfig, 'destination' | 'spaceGuid'>): string {
  const message = (err as Error).message
  const remedy = remedyFor(err, config)
  return remedy ? `${message.replace(/\.?$/, '.')} ${remedy}` : message
}

function remedyFor(err: unknown, { destination, spaceGuid }: Pick<TenantRoutesConfig, 'destination' | 'spaceGuid'>): string | undefined {
  const user = `the technical user of destination "${destination}"`
  if (err instanceof CfApiError && err.status === 403) return `Make ${user} a Space Developer of space ${spaceGuid}.`
  if (err instanceof CfApiError && err.status === 401)
    return `CF did not accept the token of destination "${destination}": its tokenServiceURL must be the UAA of the CF API in its URL.`
  if (err instanceof CfLookupError) return `Check that it exists and that ${user} is a Space Developer of space ${spaceGuid}, so that CF shows it.`
  return undefined
}
