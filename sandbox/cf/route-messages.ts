import { CfErrors } from './errors.js'
import { isObject } from './json-object.js'
import { metadataErrors } from './metadata.js'

/**
 * Request-body validation of CC's `RouteCreateMessage` / `RouteUpdateMessage`, with the Rails full messages
 * CC joins into the 422 detail. CC 3.159 (BTP) has no route `options`, so that key is an unknown field.
 */

const MAX_HOST_LENGTH = 63
const MAX_PATH_LENGTH = 128
const HOST_FORMAT = /^([\w-]+|\*)?$/

export interface RouteCreateMessage {
  host: string
  path: string
  port: unknown
  spaceGuid: string | undefined
  domainGuid: string | undefined
  metadata: unknown
}

export function parseRouteCreateMessage(body: Record<string, unknown>): RouteCreateMessage {
  const errors = [
    ...metadataErrors(body.metadata),
    ...hostErrors(body.host),
    ...pathErrors(body.path),
    ...portErrors(body.port),
    ...(isBlank(body.relationships) ? ["Relationships can't be blank"] : []),
    ...unknownFieldErrors(body, ['host', 'path', 'port', 'relationships', 'metadata']),
    ...relationshipsErrors(body.relationships)
  ]
  if (errors.length) throw CfErrors.unprocessable(errors)
  const relationships = body.relationships as Record<string, { data: { guid: string } | null }>
  return {
    host: (body.host as string | null | undefined) ?? '',
    path: (body.path as string | null | undefined) ?? '',
    port: body.port,
    spaceGuid: relationships.space.data?.guid,
    domainGuid: relationships.domain.data?.guid,
    metadata: body.metadata
  }
}

/** `PATCH /v3/routes/:guid` accepts metadata only. */
export function validateRouteUpdateMessage(body: Record<string, unknown>): void {
  const errors = [...metadataErrors(body.metadata), ...unknownFieldErrors(body, ['metadata'])]
  if (errors.length) throw CfErrors.unprocessable(errors)
}

export function unknownFieldErrors(body: Record<string, unknown>, allowed: readonly string[]): string[] {
  const extra = Object.keys(body).filter(key => !allowed.includes(key))
  return extra.length ? [`Unknown field(s): '${extra.join("', '")}'`] : []
}

function hostErrors(host: unknown): string[] {
  if (host === undefined || host === null) return []
  if (typeof host !== 'string') return ['Host must be a string']
  const errors: string[] = []
  if (host.length > MAX_HOST_LENGTH) errors.push(`Host is too long (maximum is ${MAX_HOST_LENGTH} characters)`)
  if (!HOST_FORMAT.test(host)) errors.push('Host must be either "*" or contain only alphanumeric characters, "_", or "-"')
  return errors
}

function pathErrors(path: unknown): string[] {
  if (path === undefined || path === null) return []
  if (typeof path !== 'string') return ['Path must be a string']
  const errors: string[] = []
  if (path.length > MAX_PATH_LENGTH) errors.push(`Path is too long (maximum is ${MAX_PATH_LENGTH} characters)`)
  if (path !== '' && !path.startsWith('/')) errors.push('Path must begin with /')
  if (path.includes('?')) errors.push('Path cannot contain ?')
  if (path === '/') errors.push('Path cannot be exactly /')
  return errors
}

function portErrors(port: unknown): string[] {
  if (port === undefined || port === null) return []
  if (typeof port !== 'number') return ['Port is not a number']
  if (!Number.isInteger(port)) return ['Port must be an integer']
  if (port < 0) return ['Port must be greater than or equal to 0']
  if (port > 65_535) return ['Port must be less than or equal to 65535']
  return []
}

/** CC's `RelationshipValidator` over `Relationships` (to-one `space` and `domain`). */
function relationshipsErrors(relationships: unknown): string[] {
  if (!isObject(relationships)) return ["Relationships 'relationships' is not a hash"]
  const nested = [
    ...unknownFieldErrors(relationships, ['space', 'domain']),
    ...toOneErrors('space', relationships.space),
    ...toOneErrors('domain', relationships.domain)
  ]
  return nested.map(message => `Relationships ${message}`)
}

function toOneErrors(name: 'space' | 'domain', relationship: unknown): string[] {
  const label = name[0].toUpperCase() + name.slice(1)
  const errors = isBlank(relationship) ? [`${label} can't be blank`] : []
  if (!hasToOneStructure(relationship)) {
    return [...errors, `${label} must be structured like this: "${name}: {"data": {"guid": "valid-guid"}}"`]
  }
  const guid = relationship.data?.guid
  if (relationship.data && typeof guid !== 'string') errors.push(`${label} Guid must be a string`)
  if (relationship.data && !(typeof guid === 'string' && guid.length >= 1 && guid.length <= 200)) {
    errors.push(`${label} Guid must be between 1 and 200 characters`)
  }
  return errors
}

function hasToOneStructure(value: unknown): value is { data: { guid: unknown } | null } {
  if (!isObject(value) || Object.keys(value).join() !== 'data') return false
  return value.data === null || (isObject(value.data) && Object.keys(value.data).join() === 'guid')
}

/** Rails `blank?`: nil, empty hash or empty string. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (isObject(value) && Object.keys(value).length === 0)
}
