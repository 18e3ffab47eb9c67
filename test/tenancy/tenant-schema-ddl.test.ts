import cds from '@sap/cds'
import { compileTenantSchemaOnce } from '../../srv/tenancy/tenant-schema-ddl.js'

type Ddl = string[]
const toSql = (csn: object, options?: object) => (cds.compile.to as unknown as { sql: (csn: object, options?: object) => unknown }).sql(csn, options)

/** How often `fn` ran the compiler: cds' SQL compilation starts every real compile with `cds.minify`. */
function compilations<T>(fn: () => T): { result: T; count: number } {
  const minify = cds.minify
  let count = 0
  cds.minify = ((csn: never) => (count++, minify(csn))) as typeof cds.minify
  try {
    return { result: fn(), count }
  } finally {
    cds.minify = minify
  }
}

describe('the tenant schema is compiled to DDL once per model (SQLite)', () => {
  const original = (cds.compile.to as unknown as { sql: unknown }).sql
  const model = () => cds.compile('entity Tenants { key ID: String(36); subdomain: String(63); }') as object

  beforeAll(() => {
    cds.env.requires.db = { ...(cds.env.requires.db as object), kind: 'sqlite' } as never
    compileTenantSchemaOnce()
  })
  afterAll(() => {
    ;(cds.compile.to as unknown as { sql: unknown }).sql = original
  })

  test('a second deployment of the same model gets the DDL of the first, without compiling it again', () => {
    const csn = model()
    const first = toSql(csn) as Ddl
    const second = compilations(() => toSql(csn) as Ddl)
    expect(second.result).toEqual(first)
    expect(second.result.join('\n')).toMatch(/CREATE TABLE Tenants/)
    expect(second.count).toBe(0)
  })

  test('a caller that changes its statement list does not change what the next deployment runs', () => {
    const csn = model()
    const first = toSql(csn) as Ddl
    const statements = first.length
    first.push('DROP TABLE Tenants')
    expect(toSql(csn) as Ddl).toHaveLength(statements)
  })

  test('the first deployment of a model compiles it', () => {
    expect(compilations(() => toSql(model())).count).toBe(1)
  })

  test('another model or other options are compiled anew', () => {
    const csn = model()
    const extended = cds.compile('entity Tenants { key ID: String(36); subdomain: String(63); region: String(20); }') as object
    expect((toSql(extended) as Ddl).join('\n')).toMatch(/region/)
    expect((toSql(csn) as Ddl).join('\n')).not.toMatch(/region/)
    expect(typeof toSql(csn, { as: 'str' })).toBe('string')
  })

  test('the compiler functions that hang off cds.compile.to.sql stay reachable', () => {
    const sql = (cds.compile.to as unknown as { sql: Record<string, unknown> }).sql
    expect(typeof sql.delta).toBe('function')
    expect(typeof sql.hdbtable).toBe('function')
  })

  test('calling it twice wraps the compiler once', () => {
    const wrapped = (cds.compile.to as unknown as { sql: unknown }).sql
    compileTenantSchemaOnce()
    expect((cds.compile.to as unknown as { sql: unknown }).sql).toBe(wrapped)
  })
})
