/**
 * Failures to reach a remote system through a BTP destination. Each names the destination and what to fix;
 * none carries a secret (passwords, client secrets and tokens never go into messages).
 */
export class ConnectivityError extends Error {
  /** HTTP status tenant-hub answers with when this failure ends a request. */
  readonly status: number
  readonly code: string
  readonly destination: string

  constructor(destination: string, code: string, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.name = new.target.name
    this.destination = destination
    this.code = code
    this.status = options.status ?? 502
  }
}

/** Neither the destination service instance nor the subaccount has a destination of that name. */
export class DestinationNotFoundError extends ConnectivityError {
  constructor(destination: string) {
    super(
      destination,
      'DESTINATION_NOT_FOUND',
      `Destination "${destination}" was not found in the destination service (instance or subaccount level). Create it as described in deploy/ and docs/operator-guide.md.`,
      { status: 503 }
    )
  }
}

/** The destination service could not get a token for the destination (answered 200 with `authTokens[].error`). */
export class DestinationTokenError extends ConnectivityError {
  readonly reason: string
  constructor(destination: string, reason: string, hint: string) {
    super(destination, 'DESTINATION_TOKEN_FAILED', `Destination "${destination}" could not obtain a token: ${reason}. ${hint}`, { status: 502 })
    this.reason = reason
  }
}

/** The destination service itself failed or could not be reached. */
export class DestinationLookupError extends ConnectivityError {
  constructor(destination: string, cause: unknown) {
    super(destination, 'DESTINATION_LOOKUP_FAILED', `Destination "${destination}" could not be read from the destination service: ${describe(cause)}`, {
      status: 502,
      cause
    })
  }
}

/** The remote system behind the destination did not answer (connection refused, reset, timeout). */
export class UpstreamUnreachableError extends ConnectivityError {
  constructor(destination: string, target: string, cause: unknown) {
    super(destination, 'UPSTREAM_UNREACHABLE', `${target} (destination "${destination}") did not answer: ${describe(cause)}`, { status: 502, cause })
  }
}

/** The message of an error and its causes, without stack traces; safe because SDK messages carry no secrets. */
export function describe(err: unknown): string {
  const parts: string[] = []
  let current: unknown = err
  for (let depth = 0; current && depth < 5; depth++) {
    const message = (current as { message?: unknown }).message
    const code = (current as { code?: unknown }).code
    if (typeof message === 'string' && message && !parts.includes(message)) parts.push(typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message)
    current = (current as { cause?: unknown }).cause ?? (current as { rootCause?: unknown }).rootCause
  }
  return parts.join(': ') || String(err)
}
