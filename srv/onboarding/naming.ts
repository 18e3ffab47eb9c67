/**
 * The naming rules of tenant routes: a subscriber's subdomain becomes the route host
 * `<subdomain>-<hostSuffix>` and the tenant URL `https://<host>.<domain>`.
 * BTP subdomains are case-insensitive and DNS hosts are lowercase, so the subdomain is lowercased;
 * anything that cannot make a valid DNS label is refused before any remote call.
 */

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/
const MAX_LABEL_LENGTH = 63

export class InvalidSubdomainError extends Error {
  readonly status = 400
  readonly code = 'INVALID_SUBDOMAIN'
  constructor(message: string) {
    super(message)
    this.name = 'InvalidSubdomainError'
  }
}

/** The route host for a subscriber subdomain, e.g. `acme` + `tenant-hub` → `acme-tenant-hub`. */
export function routeHostFor(subdomain: unknown, hostSuffix: string): string {
  if (typeof subdomain !== 'string' || subdomain.length === 0)
    throw new InvalidSubdomainError('The subscription payload has no "subscribedSubdomain"; a subdomain is needed to build the tenant route.')
  const label = subdomain.toLowerCase()
  if (!DNS_LABEL.test(label))
    throw new InvalidSubdomainError(
      `Subdomain ${JSON.stringify(subdomain)} cannot form a route host: use only letters, digits and "-", not at the start or end.`
    )
  const host = `${label}-${hostSuffix}`
  if (host.length > MAX_LABEL_LENGTH)
    throw new InvalidSubdomainError(
      `Subdomain ${JSON.stringify(subdomain)} makes the route host "${host}" of ${host.length} characters; a host has at most ${MAX_LABEL_LENGTH}.`
    )
  return host
}

/** The URL a subscriber's users open: `https://<host>.<domain>`. */
export function tenantUrlFor(host: string, domain: string): string {
  return `https://${host}.${domain}`
}
