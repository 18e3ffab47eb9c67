/**
 * Validates accounts-service answers against the official OpenAPI schemas (`../shared/specs/cis/`), calibrated
 * to the wire: dates are epoch-millisecond integers (the documented exception), and every other loosening below
 * names the recording that proves the spec wrong. Nothing else is loosened.
 */
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { readSharedSpec, type JsonObject } from './cis-recordings.js'

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; required?: string[] }
type Definitions = Record<string, Schema>

const loosenings = {
  /** Recording subaccount_get: `"labels": {"a": ["1","2","3"], …}`; directory_get: `"my-label-2": []`. Spec: values are objects. */
  labelValuesAreStringArrays(defs: Definitions) {
    for (const name of ['SubaccountResponseObject', 'DirectoryResponseObject', 'GlobalAccountResponseObject']) {
      defs[name].properties!.labels.additionalProperties = { type: 'array', items: { type: 'string' } }
    }
  },
  /** Recording directory_get: `"directoryFeatures": ["AUTHORIZATIONS", "ENTITLEMENTS", "DEFAULT"]`. Spec: items are objects. */
  directoryFeaturesAreStrings(defs: Definitions) {
    defs.DirectoryResponseObject.properties!.directoryFeatures.items = { type: 'string' }
  },
  /** Recording subaccount_list: `"parentFeatures": ["DEFAULT"]`. Spec: items are objects. */
  parentFeaturesAreStrings(defs: Definitions) {
    defs.SubaccountResponseObject.properties!.parentFeatures.items = { type: 'string' }
  },
  /** Recording subaccount_list: "integration-test-destination" has no description. Spec: required. */
  subaccountDescriptionIsOptional(defs: Definitions) {
    withoutRequired(defs.SubaccountResponseObject, ['description'])
  },
  /** Recording globalaccount_with_hierarchy: directory "test-directory" has no description. Spec: required. */
  directoryDescriptionIsOptional(defs: Definitions) {
    withoutRequired(defs.DirectoryResponseObject, ['description'])
  },
  /** Recording globalaccount_with_hierarchy: the global account has no globalAccountGUID, parentGUID, parentType. Spec: required. */
  globalAccountHasNoParent(defs: Definitions) {
    withoutRequired(defs.GlobalAccountResponseObject, ['globalAccountGUID', 'parentGUID', 'parentType'])
  },
  /**
   * Not in shared/specs/recordings: WIRE-REFERENCE §B.2 quotes real curl output (SAP-samples codejam) with
   * `"description": null`. The seed keeps one such subaccount so clients handle it. Spec: string.
   */
  subaccountDescriptionMayBeNull(defs: Definitions) {
    defs.SubaccountResponseObject.properties!.description = { type: ['string', 'null'] }
  }
} satisfies Record<string, (defs: Definitions) => void>

export type Loosening = keyof typeof loosenings

/** The loosenings a recorded payload proves (the null description comes from outside the recordings). */
export const RECORDING_PROVEN_LOOSENINGS = Object.keys(loosenings).filter(
  name => name !== 'subaccountDescriptionMayBeNull'
) as Loosening[]

export type AccountsSchema =
  | 'GlobalAccountResponseObject'
  | 'DirectoryResponseObject'
  | 'SubaccountResponseObject'
  | 'ResponseCollection'
  | 'LabelsResponseObject'
  | 'ErrorResponse'

export interface AccountsSchemaValidator {
  /** Validation errors as readable lines; empty when the payload conforms. */
  errors(schema: AccountsSchema, payload: unknown): string[]
}

export function createAccountsSchemaValidator(options: { omit?: Loosening[] } = {}): AccountsSchemaValidator {
  const spec = readSharedSpec<{ components: { schemas: Definitions } }>('cis/accounts-service-openapi.json')
  const defs = rewriteRefs(structuredClone(spec.components.schemas)) as Definitions
  datesAsEpochMillis(defs)
  for (const [name, loosen] of Object.entries(loosenings)) {
    if (!options.omit?.includes(name as Loosening)) loosen(defs)
  }
  const ajv = new Ajv.default({ allErrors: true })
  addFormats.default(ajv)
  ajv.addKeyword('example') // OpenAPI annotation, not JSON Schema
  ajv.addSchema({ $id: 'accounts-service', $defs: defs })
  return {
    errors(schema, payload) {
      const validate = ajv.getSchema(`accounts-service#/$defs/${schema}`)
      if (!validate) throw new Error(`no schema ${schema}`)
      return validate(payload) ? [] : (validate.errors ?? []).map(error => `${error.instancePath || '/'} ${error.message}`)
    }
  }
}

/** The spec's `#/components/schemas/X` references, pointed at `#/$defs/X`. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs)
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value as JsonObject).map(([key, field]) => [
      key,
      key === '$ref' && typeof field === 'string' ? field.replace('#/components/schemas/', '#/$defs/') : rewriteRefs(field)
    ])
  )
}

/** The documented exception: `string`/`date-time` in the spec, epoch-millisecond integers on the wire. */
function datesAsEpochMillis(value: unknown): void {
  if (!value || typeof value !== 'object') return
  const schema = value as Schema
  if (schema.type === 'string' && schema.format === 'date-time') {
    schema.type = 'integer'
    schema.minimum = 0
    delete schema.format
  }
  Object.values(schema).forEach(datesAsEpochMillis)
}

function withoutRequired(schema: Schema, names: string[]): void {
  schema.required = schema.required?.filter(name => !names.includes(name))
}
