import { isObject } from './json-object.js'
import type { Metadata } from './store.js'

/**
 * Validation and updates of `metadata` (labels, annotations) as CC's `MetadataValidatorHelper` does them.
 * Messages are the full Rails messages, e.g. `Metadata label key error: key cannot be empty string`.
 */

const MAX_LABEL_SIZE = 63
const MAX_PREFIX_SIZE = 253
const MAX_ANNOTATION_VALUE_SIZE = 5000
const RESERVED_PREFIX = 'cloudfoundry.org'
const INVALID_CHARACTERS = /[^\w\-.]/
const ALPHANUMERIC_START_AND_END = /^(?=[a-zA-Z\d]).*[a-zA-Z\d]$/
const DNS_NAME = /^(([a-z\d]|[a-z\d][a-z\d-]*[a-z\d])\.)*([a-z\d]|[a-z\d][a-z\d-]*[a-z\d])$/i

export function metadataErrors(metadata: unknown): string[] {
  if (metadata === undefined || metadata === null) return []
  if (!isObject(metadata)) return ['Metadata must be an object']
  const unexpected = Object.keys(metadata).filter(key => key !== 'labels' && key !== 'annotations')
  if (unexpected.length) return [`Metadata has unexpected field(s): '${unexpected.join("', '")}'`]
  return [...entryErrors(metadata.labels, 'label', labelValueError), ...entryErrors(metadata.annotations, 'annotation', annotationValueError)]
}

function entryErrors(entries: unknown, kind: 'label' | 'annotation', valueError: (value: string) => string | undefined): string[] {
  if (entries === undefined || entries === null) return []
  if (!isObject(entries)) return [`Metadata ${kind}s must be an object`]
  const errors: string[] = []
  for (const [key, value] of Object.entries(entries)) {
    const keyError = labelKeyError(key)
    if (keyError) errors.push(`Metadata ${kind} key error: ${keyError}`)
    if (value === null) continue
    const error = typeof value === 'string' ? valueError(value) : `'${String(value)}' must be a string`
    if (error) errors.push(`Metadata ${kind} value error: ${error}`)
  }
  return errors
}

function labelKeyError(key: string): string | undefined {
  if (key === '') return 'key cannot be empty string'
  const parts = key.split('/')
  if (parts.length > 2) return "key has more than one '/'"
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]]
  if (prefix !== undefined) {
    if (!DNS_NAME.test(prefix)) return `prefix '${prefix}' must be in valid dns format`
    if (prefix.length > MAX_PREFIX_SIZE) return `prefix '${prefix.slice(0, 8)}...' is greater than ${MAX_PREFIX_SIZE} characters`
    if (prefix.toLowerCase() === RESERVED_PREFIX) return `${RESERVED_PREFIX} is a reserved domain`
  }
  if (name === '') return 'key cannot be empty string'
  return labelValueError(name)
}

function labelValueError(value: string): string | undefined {
  if (value === '') return undefined
  if (INVALID_CHARACTERS.test(value)) return `'${value}' contains invalid characters`
  if (!ALPHANUMERIC_START_AND_END.test(value)) return `'${value}' starts or ends with invalid characters`
  if (value.length > MAX_LABEL_SIZE) return `'${value.slice(0, 8)}...' is greater than ${MAX_LABEL_SIZE} characters`
  return undefined
}

function annotationValueError(value: string): string | undefined {
  return value.length > MAX_ANNOTATION_VALUE_SIZE ? `'${value.slice(0, 8)}...' is greater than ${MAX_ANNOTATION_VALUE_SIZE} characters` : undefined
}

type RequestedMetadata = { labels?: Record<string, string | null> | null; annotations?: Record<string, string | null> | null }

/** Metadata of a new resource from a validated request (`null` values are dropped). */
export function newMetadata(requested: unknown): Metadata {
  return updatedMetadata({ labels: {}, annotations: {} }, requested)
}

/** CC's metadata update: given keys are set, keys given as `null` are removed, others stay. */
export function updatedMetadata(current: Metadata, requested: unknown): Metadata {
  const patch = (isObject(requested) ? requested : {}) as RequestedMetadata
  return { labels: merge(current.labels, patch.labels), annotations: merge(current.annotations, patch.annotations) }
}

function merge(current: Record<string, string>, patch: Record<string, string | null> | null | undefined): Record<string, string> {
  const merged = { ...current }
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value === null) delete merged[key]
    else merged[key] = value
  }
  return merged
}
