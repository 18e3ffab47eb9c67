import cds, { type Transaction } from '@sap/cds'
import { Readable } from 'node:stream'

/** Rows per INSERT of CAP's JSON form: bounds the JSON text of one INSERT (~350 kB at 500 subaccounts). */
const INSERT_BATCH_SIZE = 500

/** Rows per bulk run on SQLite: bounds the parameter arrays (and CAP's promise per row) held at once. */
const BULK_RUN_SIZE = 2_000

type Row = Record<string, unknown>

/** A replica table's rows as one prepared INSERT on SQLite: its SQL and how a row becomes its parameters. */
interface PreparedInsert {
  sql: string
  parameters(row: Row): unknown[]
}

/** Per entity definition; `null` for an entity with a column this module does not convert as CAP would. */
const preparedInserts = new WeakMap<object, PreparedInsert | null>()

/**
 * Inserts complete rows (no keys or defaults for CAP to fill, no binary columns) into a replica table.
 *
 * Elsewhere this is CAP's `INSERT.entries`, sent as the JSON stream CAP takes (capire: Node.js › Streaming) so that
 * the native `JSON.stringify` serialises it. On SQLite, that INSERT reads every column of every row out of a JSON
 * text (`value->>'$."col"' FROM json_each(?)`), and for a 10,000-subaccount replica (~45,000 rows) that alone took
 * over a second, more than half a sync. There the rows go through CAP's plain-SQL bulk form instead,
 * `tx.run(sql, [[…], […]])`: one prepared `INSERT … VALUES (?, …)` run per row, several times faster. On HANA the
 * JSON form is one round trip per batch, where a statement per row would be one round trip per row.
 */
export async function insertRows(tx: Transaction, entityName: string, rows: object[]): Promise<void> {
  if (rows.length === 0) return
  const insert = isSqlite() ? preparedInsertOf(tx, entityName) : null
  if (insert) {
    for (let i = 0; i < rows.length; i += BULK_RUN_SIZE)
      await tx.run(insert.sql, rows.slice(i, i + BULK_RUN_SIZE).map(row => insert.parameters(row as Row)))
    return
  }
  for (let i = 0; i < rows.length; i += INSERT_BATCH_SIZE)
    // `as never`: CAP's typings know only row objects for `entries`, not its streamed JSON form.
    await tx.run(INSERT.into(entityName).entries(asJsonStream(rows.slice(i, i + INSERT_BATCH_SIZE)) as never))
}

function isSqlite(): boolean {
  return (cds.env.requires.db as { kind?: string } | undefined)?.kind === 'sqlite'
}

type Converter = (value: unknown) => unknown

const asIs: Converter = value => value ?? null

/** CAP's JSON form hands SQLite a JSON number as an integer where it is one; node:sqlite binds every number as a real. */
const asText: Converter = value => (typeof value === 'number' ? String(value) : (value ?? null))

/** As CAP's `ISO()` SQL function: a truthy value becomes an ISO string with milliseconds; an invalid date throws. */
const asIsoTimestamp: Converter = value => (value ? new Date(value as string | number).toISOString() : (value ?? null))

/**
 * How each column type is bound so that the table holds what CAP's own SQLite INSERT stores: Booleans as 1/0,
 * Timestamps and DateTimes as ISO strings with milliseconds. Types not listed (Date, Time, Decimal, Int64, binaries,
 * structs, …) are left to CAP.
 */
const CONVERTERS: Record<string, Converter> = {
  'cds.String': asText,
  'cds.LargeString': asText,
  'cds.UUID': asText,
  'cds.Integer': asIs,
  'cds.Double': asIs,
  'cds.Boolean': value => (typeof value === 'boolean' ? Number(value) : (value ?? null)),
  'cds.Timestamp': asIsoTimestamp,
  'cds.DateTime': asIsoTimestamp
}

function preparedInsertOf(tx: Transaction, entityName: string): PreparedInsert | null {
  const entity = (tx.model ?? cds.model)?.definitions[entityName] as cds.entity | undefined
  if (!entity) throw cds.error(`No entity ${entityName} in the model`)
  let insert = preparedInserts.get(entity)
  if (insert !== undefined) return insert
  const columns = Object.values(entity.elements).filter(element => !element.virtual && !(element as { isAssociation?: boolean }).isAssociation)
  const converters = columns.map(column => CONVERTERS[(column as { _type?: string })._type ?? column.type ?? ''])
  const plainName = /^[A-Za-z_][A-Za-z0-9_.]*$/
  const convertible =
    converters.every(Boolean) && !entity['@cds.persistence.name'] && [entity.name, ...columns.map(c => c.name)].every(name => plainName.test(name))
  insert = convertible
    ? {
        // CAP's default naming on SQLite: the entity's name with dots as underscores (quoted: SQLite still matches
        // names case-insensitively, and a column may be a keyword).
        sql: `INSERT INTO "${entity.name.replaceAll('.', '_')}" (${columns.map(c => `"${c.name}"`).join(',')}) VALUES (${columns.map(() => '?').join(',')})`,
        parameters: row => columns.map((column, i) => converters[i](row[column.name]))
      }
    : null
  preparedInserts.set(entity, insert)
  return insert
}

function asJsonStream(rows: object[]): Readable {
  return Readable.from([JSON.stringify(rows)], { objectMode: false })
}
