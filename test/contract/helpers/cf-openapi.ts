import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import formatsPlugin, { type FormatsPlugin } from 'ajv-formats'
import { SPECS_DIR } from './cf-recordings.js'

/**
 * Validates CF API answers against the community OpenAPI 3.0 description of CAPI v3.195.0
 * (`cf/capi-v3.195.0-openapi.json`). That spec documents every operation, its query parameters, its
 * security and its `X-RateLimit-*` headers, but gives body schemas only for errors (`Error`), `Metadata` and
 * `ToOneRelationship`; bodies are checked with exactly those. OpenAPI 3.0 is turned into JSON Schema for ajv
 * (`$ref` inlined, `nullable` → a `null` type, `example` dropped).
 */

type Schema = Record<string, unknown>

interface Parameter {
  name?: string
  in?: string
  $ref?: string
}

interface OperationResponse {
  headers?: Record<string, { schema: Schema }>
  content?: Record<string, { schema: Schema }>
}

interface Operation {
  parameters?: Parameter[]
  security?: Array<Record<string, unknown>>
  responses: Record<string, OperationResponse>
}

interface Spec {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Schema>; parameters: Record<string, Parameter> }
}

interface PathTemplate {
  template: string
  pattern: RegExp
  parameterCount: number
}

const SPEC_FILE = join(SPECS_DIR, 'cf/capi-v3.195.0-openapi.json')

export class CfOpenApi {
  readonly #spec: Spec
  readonly #ajv: Ajv
  readonly #templates: PathTemplate[]
  readonly #compiled = new Map<string, ValidateFunction>()
  readonly #error: ValidateFunction
  readonly #metadata: ValidateFunction
  readonly #toOne: ValidateFunction

  constructor(spec: Spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Spec) {
    this.#spec = spec
    this.#ajv = new Ajv({ allErrors: true })
    // ajv-formats is CommonJS: at runtime the default import is the plugin itself
    ;(formatsPlugin as unknown as FormatsPlugin)(this.#ajv)
    this.#templates = Object.keys(spec.paths)
      .map(template => ({
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        parameterCount: (template.match(/\{/g) ?? []).length
      }))
      .sort((a, b) => a.parameterCount - b.parameterCount)
    this.#error = this.#compile(this.#component('Error'))
    this.#metadata = this.#compile(this.#component('Metadata'))
    this.#toOne = this.#compile(this.#nullableToOne())
  }

  /** The documented operation of a concrete path (`/v3/routes/abc` → `/v3/routes/{guid}`). */
  operation(method: string, path: string): { template: string; operation: Operation } | undefined {
    const template = this.#templates.find(t => t.pattern.test(path) && this.#spec.paths[t.template][method.toLowerCase()])
    return template && { template: template.template, operation: this.#spec.paths[template.template][method.toLowerCase()] }
  }

  /** Names of the documented query parameters. */
  queryParameters(method: string, path: string): string[] {
    return (this.#required(method, path).parameters ?? [])
      .map(p => (p.$ref ? this.#resolve<Parameter>(p.$ref) : p))
      .filter(p => p.in === 'query')
      .map(p => p.name!)
  }

  requiresBearerToken(method: string, path: string): boolean {
    return (this.#required(method, path).security ?? []).some(requirement => 'bearerAuth' in requirement)
  }

  /** Everything in the answer that contradicts the spec; `[]` when it conforms. */
  responseErrors(method: string, path: string, status: number, headers: Headers, body: unknown): string[] {
    const declared = this.#declaredResponse(this.#required(method, path), status)
    const errors: string[] = []
    for (const [name, { schema }] of Object.entries(declared?.headers ?? {})) {
      const value = headers.get(name)
      if (value !== null) errors.push(...this.#errors(this.#compile(this.#convert(schema)), numeric(value), `header ${name}`))
    }
    const documentedBody = declared?.content?.['application/json']?.schema
    if (documentedBody) errors.push(...this.#errors(this.#compile(this.#convert(documentedBody)), body, 'body'))
    else if (status >= 400) errors.push(...this.#errors(this.#error, body, 'body'))
    else errors.push(...resourcesOf(body).flatMap(([where, resource]) => this.#resourceErrors(resource, where)))
    return errors
  }

  #required(method: string, path: string): Operation {
    const found = this.operation(method, path)
    if (!found) throw new Error(`${method} ${path} is not documented in the CAPI OpenAPI spec`)
    return found.operation
  }

  /**
   * The community spec declares only `200` for every operation, although CC answers 201 (create), 202 (delete
   * with job) and 204 (destination removal); those fall back to the `200` declaration for their headers.
   */
  #declaredResponse(operation: Operation, status: number): OperationResponse | undefined {
    return operation.responses[String(status)] ?? (status < 300 ? operation.responses['200'] : undefined)
  }

  #resourceErrors(resource: Record<string, unknown>, where: string): string[] {
    const errors: string[] = []
    if ('metadata' in resource) errors.push(...this.#errors(this.#metadata, resource.metadata, `${where}.metadata`))
    const relationships = (resource.relationships ?? {}) as Record<string, { data?: unknown }>
    for (const [name, relationship] of Object.entries(relationships)) {
      // to-many relationships (`shared_organizations`) have no schema in the spec
      if (Array.isArray(relationship?.data)) continue
      errors.push(...this.#errors(this.#toOne, relationship, `${where}.relationships.${name}`))
    }
    return errors
  }

  /**
   * `ToOneRelationship` requires a `data` object, but real CC answers `{"data": null}` for an empty to-one
   * relationship (shared domain `organization`, space `quota`; recording cf-terraform/datasource_domain.yaml),
   * so only here `data` is nullable.
   */
  #nullableToOne(): Schema {
    const toOne = this.#component('ToOneRelationship')
    const properties = toOne.properties as Record<string, Schema>
    return { ...toOne, properties: { ...properties, data: { ...properties.data, type: ['object', 'null'] } } }
  }

  #component(name: string): Schema {
    return this.#convert(this.#spec.components.schemas[name])
  }

  #resolve<T>(ref: string): T {
    return ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], this.#spec) as T
  }

  /** OpenAPI 3.0 schema → JSON Schema. */
  #convert(schema: Schema): Schema {
    if (typeof schema.$ref === 'string') return this.#convert(this.#resolve<Schema>(schema.$ref))
    const converted: Schema = {}
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'nullable' || key === 'example' || key.startsWith('x-')) continue
      if (key === 'properties') {
        converted.properties = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([name, s]) => [name, this.#convert(s)]))
      } else if ((key === 'items' || key === 'additionalProperties' || key === 'not') && typeof value === 'object') {
        converted[key] = this.#convert(value as Schema)
      } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
        converted[key] = (value as Schema[]).map(s => this.#convert(s))
      } else converted[key] = value
    }
    if (schema.nullable === true && typeof converted.type === 'string') converted.type = [converted.type, 'null']
    return converted
  }

  #compile(schema: Schema): ValidateFunction {
    const key = JSON.stringify(schema)
    let validate = this.#compiled.get(key)
    if (!validate) this.#compiled.set(key, (validate = this.#ajv.compile(schema)))
    return validate
  }

  #errors(validate: ValidateFunction, value: unknown, where: string): string[] {
    return validate(value) ? [] : (validate.errors ?? []).map(e => `${where}${e.instancePath} ${e.message}`)
  }
}

/** Header values are strings; integer-looking ones are checked as integers. */
function numeric(value: string): unknown {
  return /^-?\d+$/.test(value) ? Number(value) : value
}

/** The resources of a single-resource or list body, including `included` ones, with where they are. */
function resourcesOf(body: unknown): Array<[string, Record<string, unknown>]> {
  if (!isObject(body)) return []
  if (!Array.isArray(body.resources)) return [['body', body]]
  const found: Array<[string, Record<string, unknown>]> = body.resources.filter(isObject).map((r, i) => [`body.resources[${i}]`, r])
  for (const [kind, items] of Object.entries(isObject(body.included) ? body.included : {})) {
    if (Array.isArray(items)) items.filter(isObject).forEach((r, i) => found.push([`body.included.${kind}[${i}]`, r]))
  }
  return found
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
