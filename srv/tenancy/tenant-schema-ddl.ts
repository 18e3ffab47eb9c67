import cds from '@sap/cds'

type CompileToSql = (csn: object, options?: object) => unknown

/** DDL per CSN object, per options. A WeakMap: a model that mtxs' model provider drops takes its DDL along. */
const compiledDdl = new WeakMap<object, Map<string, unknown>>()

/**
 * On SQLite, mtxs deploys each tenant with `cds.deploy`, which compiles the whole model to DDL
 * (`cds.compile.to.sql`) for every subscription again: about 140 ms of CPU per tenant, all of it blocking the
 * event loop, where running the DDL takes 7. mtxs' model provider hands every tenant of a model the same cached CSN
 * object, so the DDL is compiled once per CSN object and options and then reused. Nothing changes on HANA: there
 * the HDI deployer deploys what `cds build` compiled.
 */
export function compileTenantSchemaOnce(): void {
  if ((cds.env.requires.db as { kind?: string } | undefined)?.kind !== 'sqlite') return
  const to = cds.compile.to as unknown as { sql: CompileToSql }
  const compile = to.sql // the first read turns cds' lazy getter into a property that can be replaced
  if ((compile as { reusesDdl?: boolean }).reusesDdl) return
  const reusing: CompileToSql = (csn, options) => {
    const key = optionsKey(options)
    if (key === undefined || typeof csn !== 'object' || csn === null) return compile(csn, options)
    let byOptions = compiledDdl.get(csn)
    if (!byOptions) compiledDdl.set(csn, (byOptions = new Map()))
    if (!byOptions.has(key)) byOptions.set(key, compile(csn, options))
    const ddl = byOptions.get(key)
    // A caller may change the statement list it gets; the cached one must stay as compiled.
    return Array.isArray(ddl) ? [...(ddl as unknown[])] : ddl
  }
  // `hdbtable`, `hana`, `delta` hang off `cds.compile.to.sql` and stay reachable there.
  to.sql = Object.assign(reusing, compile, { reusesDdl: true })
}

/** Options as a key; undefined for options that cannot be one (functions or cycles), which are compiled every time. */
function optionsKey(options: object | undefined): string | undefined {
  try {
    return JSON.stringify(options ?? {}, (_key, value: unknown) => {
      if (typeof value === 'function') throw new TypeError('not a key')
      return value
    })
  } catch {
    return undefined
  }
}
