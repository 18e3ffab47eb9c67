import cds from '@sap/cds'
import { insertRows } from '../../srv/accounts/replica-rows.js'

type Db = Awaited<ReturnType<typeof cds.connect.to>>
type Row = Record<string, unknown>
type StoredRow = Record<string, { value: unknown; type: string }>
/** `cds.deploy` is not in cds-types; it is how CAP's own tests bootstrap a database from a model. */
const deploy = (cds as unknown as { deploy: (csn: object, options: object) => { to: (db: Db) => Promise<void> } }).deploy

/**
 * The replica's bulk insert on SQLite binds rows to a prepared INSERT instead of CAP's `INSERT.entries`. These
 * tests store the same rows both ways and compare what the tables hold, byte for byte (plain SQL, no CAP output
 * conversion in between), and what CAP reads back from them.
 */
describe('replica rows on SQLite are stored as CAP itself stores them', () => {
  let db: Db

  beforeAll(async () => {
    cds.env.requires.db = { kind: 'sqlite', credentials: { url: ':memory:' } } as never
    const csn = await cds.load(['db/schema.cds', 'test/accounts/helpers/replica-rows-extra.cds'])
    db = await cds.connect.to('db', { kind: 'sqlite', credentials: { url: ':memory:' } } as never)
    await deploy(csn, { silent: true }).to(db)
  })
  afterAll(() => (db as unknown as { disconnect: () => Promise<void> }).disconnect())

  /** What `table` holds: every column's value and its SQLite storage class. */
  async function stored(table: string, orderBy: string): Promise<StoredRow[]> {
    const rows = (await db.run(`SELECT * FROM ${table} ORDER BY ${orderBy}`)) as Row[]
    return rows.map(row => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, { value, type: value === null ? 'null' : typeof value }])))
  }

  /** Stores `rows` with CAP's INSERT, then with `insertRows`, and returns what the table held each time. */
  async function bothWays(entity: string, rows: Row[], orderBy: string) {
    const table = entity.replaceAll('.', '_')
    const run = (sql: string | object, args?: unknown[]) => (typeof sql === 'string' ? db.run(sql, args) : db.run(sql as never))
    await run(DELETE.from(entity))
    await db.tx(tx => tx.run(INSERT.into(entity).entries(rows)))
    const byCap = { stored: await stored(table, orderBy), read: await run(SELECT.from(entity).orderBy(orderBy)) }
    await run(DELETE.from(entity))
    const statements: unknown[] = []
    await db.tx(async tx => {
      const txRun = tx.run.bind(tx)
      tx.run = ((query: unknown, args?: unknown) => (statements.push(query), txRun(query as never, args as never))) as typeof tx.run
      await insertRows(tx, entity, rows)
    })
    const byInsertRows = { stored: await stored(table, orderBy), read: await run(SELECT.from(entity).orderBy(orderBy)) }
    return { byCap, byInsertRows, statements }
  }

  test('entitlements: Booleans, Doubles, Timestamps in other offsets and missing values', async () => {
    const rows: Row[] = [
      {
        servicePlan_serviceName: 'hana-cloud',
        servicePlan_name: 'hana',
        entityId: 'a1',
        entityType: 'SUBACCOUNT',
        subaccount_guid: 'a1',
        amount: 2,
        requestedAmount: 2.5,
        unlimitedAmountAssigned: false,
        autoAssigned: true,
        autoAssign: null,
        entityState: 'OK',
        stateMessage: 'Quote "it" — ünïcode',
        parentAmount: 1e21,
        createdDate: '2024-03-01T11:00:00+01:00',
        modifiedDate: '2024-03-01T10:00:00.123Z'
      },
      { servicePlan_serviceName: 'hana-cloud', servicePlan_name: 'hana', entityId: 'a2', amount: 0, stateMessage: '', createdDate: null },
      { servicePlan_serviceName: 'x', servicePlan_name: 'y', entityId: 'a3', createdDate: 1_700_000_000_000, unlimitedAmountAssigned: true }
    ]
    const { byCap, byInsertRows, statements } = await bothWays('tenanthub.Entitlements', rows, 'entityId')
    expect(statements.every(statement => typeof statement === 'string' && statement.startsWith('INSERT INTO'))).toBe(true)
    expect(byInsertRows.stored).toEqual(byCap.stored)
    expect(byInsertRows.read).toEqual(byCap.read)
    expect(byCap.stored[0].createdDate.value).toBe('2024-03-01T10:00:00.000Z')
    expect(byCap.read[0]).toMatchObject({ unlimitedAmountAssigned: false, autoAssigned: true, autoAssign: null })
  })

  test('subaccounts and their labels, thousands at once', async () => {
    const subaccounts: Row[] = Array.from({ length: 4_500 }, (_, i) => ({
      guid: `sa-${String(i).padStart(5, '0')}`,
      displayName: `Subaccount ${i}`,
      subdomain: `sd-${i}`,
      region: 'eu10',
      betaEnabled: i % 2 === 0,
      state_code: 'OK',
      globalAccount_guid: 'ga',
      createdDate: new Date(1_700_000_000_000 + i).toISOString()
    }))
    const labels: Row[] = subaccounts.map(subaccount => ({ subaccount_guid: subaccount.guid, name: 'env', value: String(subaccount.displayName) }))
    const accounts = await bothWays('tenanthub.Subaccounts', subaccounts, 'guid')
    expect(accounts.byInsertRows.stored).toHaveLength(4_500)
    expect(accounts.byInsertRows.stored).toEqual(accounts.byCap.stored)
    expect(accounts.byInsertRows.read).toEqual(accounts.byCap.read)
    const labelled = await bothWays('tenanthub.SubaccountLabels', labels, 'subaccount_guid')
    expect(labelled.byInsertRows.stored).toEqual(labelled.byCap.stored)
  })

  test('a number in a String column is stored as CAP stores it, not as a real', async () => {
    const rows: Row[] = [{ servicePlan_serviceName: 's', servicePlan_name: 'p', entityId: 7 as unknown as string, amount: 3 }]
    const { byCap, byInsertRows } = await bothWays('tenanthub.Entitlements', rows, 'entityId')
    expect(byInsertRows.stored).toEqual(byCap.stored)
    expect(byCap.stored[0].entityId.value).toBe('7')
  })

  test('an entity with a column it does not convert (a Date) is left to CAP, which stores it the same', async () => {
    const rows: Row[] = [{ ID: 1, day: '2024-03-01', flag: true }]
    const { byCap, byInsertRows, statements } = await bothWays('test.replicaRows.Dated', rows, 'ID')
    expect(statements.some(statement => typeof statement === 'string')).toBe(false)
    expect(byInsertRows.stored).toEqual(byCap.stored)
  })

  test('a duplicate key fails the insert, as CAP’s does', async () => {
    const rows: Row[] = [
      { subaccount_guid: 'g', name: 'n', value: 'v' },
      { subaccount_guid: 'g', name: 'n', value: 'v' }
    ]
    await db.run(DELETE.from('tenanthub.SubaccountLabels'))
    await expect(db.tx(tx => insertRows(tx, 'tenanthub.SubaccountLabels', rows))).rejects.toThrow(/UNIQUE constraint/)
    expect(await db.run('SELECT count(*) AS n FROM tenanthub_SubaccountLabels')).toEqual([{ n: 0 }])
  })
})
