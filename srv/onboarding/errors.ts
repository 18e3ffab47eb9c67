/** A subscription or unsubscription step failed; keeps the status, code and cause of what failed. */
export class OnboardingError extends Error {
  readonly status: number
  readonly code: string

  constructor(message: string, cause: unknown) {
    super(message, { cause })
    this.name = 'OnboardingError'
    const { status, code } = (cause ?? {}) as { status?: unknown; code?: unknown }
    this.status = typeof status === 'number' && status >= 400 ? status : 502
    this.code = typeof code === 'string' ? code : 'ONBOARDING_FAILED'
  }
}
