import { answerQuery, type SelectQuery } from '../../srv/admin/list-query.js'

const ROWS = [
  { ID: 'a', subdomain: 'acme', routes: 2, mapped: true, createdAt: '2026-01-02T00:00:00Z' },
  { ID: 'b', subdomain: 'Globex', routes: 0, mapped: false, createdAt: '2026-01-01T00:00:00Z' },
  { ID: 'c', subdomain: null, routes: 1, mapped: true, createdAt: '2026-01-03T00:00:00Z' }
]
const ids = (result: unknown) => (result as Array<{ ID: string }>).map(row => row.ID)
const query = (select: SelectQuery) => answerQuery({ SELECT: select }, ROWS)
const ref = (name: string) => ({ ref: [name] })
const val = (value: unknown) => ({ val: value })

describe('answering OData queries on rows read live', () => {
  test('$filter with comparisons, and/or/not and parentheses', () => {
    expect(ids(query({ where: [ref('routes'), '>', val(0), 'and', ref('mapped'), '=', val(true)] }))).toEqual(['a', 'c'])
    expect(ids(query({ where: ['not', { xpr: [ref('ID'), '=', val('a'), 'or', ref('ID'), '=', val('b')] }] }))).toEqual(['c'])
    expect(ids(query({ where: [ref('subdomain'), '=', val(null)] }))).toEqual(['c'])
    expect(ids(query({ where: [ref('ID'), 'in', { list: [val('a'), val('c')] }] }))).toEqual(['a', 'c'])
  })

  test('contains, startswith and tolower ignore case', () => {
    expect(ids(query({ where: [{ func: 'contains', args: [ref('subdomain'), val('GLO')] }] }))).toEqual(['b'])
    expect(ids(query({ where: [{ func: 'tolower', args: [ref('subdomain')] }, '=', val('globex')] }))).toEqual(['b'])
  })

  test('$search looks into every text', () => {
    expect(ids(query({ search: [val('acm')] }))).toEqual(['a'])
  })

  test('$orderby, $skip, $top and $count (of all matches, not of the page)', () => {
    const page = query({ orderBy: [{ ref: ['createdAt'], sort: 'desc' }], limit: { rows: { val: 1 }, offset: { val: 1 } }, count: true })
    expect(ids(page)).toEqual(['a'])
    expect((page as { $count?: number }).$count).toBe(3)
  })

  test('key access answers the row, or nothing when the key is unknown', () => {
    const byKey = (id: string) => query({ from: { ref: [{ id: 'AdminService.Tenants', where: [ref('ID'), '=', val(id)] }] }, one: true })
    expect(byKey('b')).toMatchObject({ subdomain: 'Globex' })
    expect(byKey('x')).toBeUndefined()
  })

  test('/$count answers the number of matches', () => {
    expect(query({ columns: [{ func: 'count', as: '$count' }], where: [ref('mapped'), '=', val(true)] })).toEqual([{ $count: 2 }])
  })

  test('an expression it cannot evaluate is refused with 400, not answered wrongly', () => {
    expect(() => query({ where: [{ func: 'geo.distance', args: [] }, '<', val(1)] })).toThrow(expect.objectContaining({ status: 400, code: 'UNSUPPORTED_QUERY' }))
  })
})
