/**
 * Every OData V4 query option works on the replica, because CAP's generic handlers serve it: $filter, $orderby,
 * $top/$skip, $count, $expand, $select, $search (on names only), and $batch.
 */
import { PROVIDER_SEED } from '../../sandbox/cis/index.js'
import { accountsApp, PROVIDER } from './helpers/accounts-app.js'

const accounts = accountsApp()
const cis = () => accounts.app.sandbox.cis
const GA = PROVIDER.globalAccountGuid
const { directories: dir, subaccounts: sub } = PROVIDER_SEED
const asProvider = (path: string) => accounts.read(PROVIDER.tenantId, path)
const names = (rows: Array<{ displayName: string }>) => rows.map(row => row.displayName)
const subaccountsInCis = () => cis().store.subaccounts(GA)

describe('$filter', () => {
  test('compares, combines and calls functions', async () => {
    const res = await asProvider(`Subaccounts?$filter=region eq 'us10' and betaEnabled eq false&$orderby=displayName`)
    const expected = subaccountsInCis().filter(s => s.region === 'us10' && !s.betaEnabled).map(s => s.displayName).sort()
    expect(names(res.data.value)).toEqual(expected)
    expect(res.status).toBe(200)

    const functions = await asProvider(`Subaccounts?$filter=startswith(displayName,'QA') or contains(tolower(subdomain),'sandbox')&$orderby=displayName`)
    expect(names(functions.data.value)).toEqual(['dev-sandbox-01', 'dev-sandbox-02', 'QA eu10', 'QA us10'])
  })

  test('filters on code lists, dates and nulls', async () => {
    const failed = await asProvider(`Subaccounts?$filter=state_code eq 'CREATION_FAILED'`)
    expect(names(failed.data.value)).toEqual(['Hooli'])
    const recent = await asProvider(`Subaccounts?$filter=createdDate ge 2025-01-01T00:00:00Z&$orderby=createdDate`)
    expect(names(recent.data.value)).toEqual(['Vandelay Industries', 'Hooli', 'Umbrella Corp.'])
    const withoutDescription = await asProvider(`Subaccounts?$filter=description eq null&$count=true&$top=0`)
    expect(withoutDescription.data['@odata.count']).toBe(subaccountsInCis().filter(s => s.description == null).length)
    expect(withoutDescription.status).toBe(200)
  })

  test('filters along associations and over collections of labels', async () => {
    const inDach = await asProvider(`Subaccounts?$filter=directory/displayName eq 'DACH'`)
    expect(names(inDach.data.value)).toEqual(['ACME Corp.'])
    const sre = await asProvider(`Subaccounts?$filter=labels/any(l:l/name eq 'team' and l/value eq 'sre')`)
    expect(names(sre.data.value)).toEqual(['Shared Services'])
    const unlabelled = await asProvider(`Subaccounts?$filter=not labels/any()&$orderby=displayName`)
    expect(names(unlabelled.data.value)).toEqual(subaccountsInCis().filter(s => !s.labels || !Object.keys(s.labels).length).map(s => s.displayName).sort())
    const withHana = await asProvider(`Subaccounts?$filter=entitlements/any(e:e/servicePlan_serviceName eq 'hana-cloud' and e/amount ge 1)&$orderby=displayName`)
    expect(names(withHana.data.value)).toEqual(['Shared Services', 'Tenant Hub (provider)'])
    expect(withHana.status).toBe(200)
  })

  test('an unknown property is a 400 with a message, not a 500', async () => {
    const res = await asProvider(`Subaccounts?$filter=nonsense eq 1`)
    expect(res.data.error.message).toEqual(expect.any(String))
    expect(res.status).toBe(400)
  })
})

describe('$orderby, $top, $skip, $count', () => {
  test('orders by several properties, both directions', async () => {
    const res = await asProvider(`Subaccounts?$orderby=region desc,displayName asc&$select=region,displayName`)
    const expected = [...subaccountsInCis()]
      .sort((a, b) => b.region.localeCompare(a.region) || a.displayName.toLowerCase().localeCompare(b.displayName.toLowerCase()))
      .map(s => ({ region: s.region, displayName: s.displayName }))
    expect(res.data.value.map(({ region, displayName }: { region: string; displayName: string }) => ({ region, displayName }))).toEqual(expected)
    expect(res.status).toBe(200)
  })

  test('pages through a sorted collection without gaps or repeats', async () => {
    const all = names((await asProvider(`Subaccounts?$orderby=displayName`)).data.value)
    const pages: string[] = []
    for (let skip = 0; skip < all.length; skip += 5) pages.push(...names((await asProvider(`Subaccounts?$orderby=displayName&$top=5&$skip=${skip}`)).data.value))
    expect(pages).toEqual(all)
    expect(all).toHaveLength(subaccountsInCis().length)
  })

  test('counts inline, alone and with a filter', async () => {
    const inline = await asProvider(`Directories?$count=true&$top=1`)
    expect(inline.data).toMatchObject({ '@odata.count': cis().store.directories(GA).length, value: [expect.any(Object)] })
    const alone = await asProvider(`Subaccounts/$count`)
    expect(alone.data).toBe(subaccountsInCis().length)
    const filtered = await asProvider(`Subaccounts/$count?$filter=usedForProduction_code eq 'USED_FOR_PRODUCTION'`)
    expect(filtered.data).toBe(subaccountsInCis().filter(s => s.usedForProduction === 'USED_FOR_PRODUCTION').length)
    expect(filtered.status).toBe(200)
  })
})

describe('$select and $expand', () => {
  test('selects only the asked properties (and the key)', async () => {
    const res = await asProvider(`Subaccounts('${sub.acme}')?$select=displayName,region`)
    expect(Object.keys(res.data).filter(key => !key.startsWith('@')).sort()).toEqual(['displayName', 'guid', 'region'])
    expect(res.status).toBe(200)
  })

  test('expands with nested options', async () => {
    const res = await asProvider(
      `Directories('${dir.qualityAssurance}')?$select=displayName&$expand=subaccounts($select=displayName;$filter=region eq 'eu10';$orderby=displayName desc;$top=1;$count=true)`
    )
    expect(res.data).toMatchObject({ displayName: 'Quality Assurance', subaccounts: [{ displayName: 'QA eu10' }] })
    expect(res.status).toBe(200)
  })

  test('expands to-one and to-many associations side by side', async () => {
    const res = await asProvider(`Subaccounts('${sub.devSandbox1}')?$select=displayName&$expand=directory($select=displayName),labels($orderby=name),entitlements($select=servicePlan_name;$filter=amount gt 1)`)
    expect(res.data).toMatchObject({
      displayName: 'dev-sandbox-01',
      directory: { displayName: 'Development' },
      labels: [{ name: 'owner', value: 'carol.dev' }, { name: 'team', value: 'tenant-hub' }],
      entitlements: [{ servicePlan_name: 'MEMORY' }]
    })
    expect(res.status).toBe(200)
  })
})

describe('$search', () => {
  test('finds subaccounts by display name and by subdomain, case-insensitively', async () => {
    const byName = await asProvider(`Subaccounts?$search=globex`)
    expect(names(byName.data.value)).toEqual(['Globex Corporation'])
    const bySubdomain = await asProvider(`Subaccounts?$search=tenant-hub-provider`)
    expect(names(bySubdomain.data.value)).toEqual(['Tenant Hub (provider)'])
    expect(bySubdomain.status).toBe(200)
  })

  test('does not search other fields than names', async () => {
    // "Productive customer subaccounts." is the description of directory Production, "CC-4711" one of its labels.
    const byDescription = await asProvider(`Directories?$search=customer`)
    expect(byDescription.data.value).toEqual([])
    const byLabel = await asProvider(`Subaccounts?$search=CC-4711`)
    expect(byLabel.data.value).toEqual([])
    expect(byLabel.status).toBe(200)
  })

  test('combines with $filter and $count', async () => {
    const res = await asProvider(`Subaccounts?$search=qa&$filter=region eq 'us10'&$count=true`)
    expect(res.data).toMatchObject({ '@odata.count': 1, value: [{ displayName: 'QA us10' }] })
    expect(res.status).toBe(200)
  })
})

describe('$batch', () => {
  test('answers each request of a batch on its own', async () => {
    const res = await accounts.batch(PROVIDER.tenantId, [
      `Subaccounts('${sub.acme}')?$select=displayName`,
      `Directories/$count`,
      `Subaccounts('00000000-0000-0000-0000-000000000000')`
    ])
    expect(res.data.responses).toMatchObject([
      { id: '1', status: 200, body: { displayName: 'ACME Corp.' } },
      { id: '2', status: 200, body: String(cis().store.directories(GA).length) },
      { id: '3', status: 404 }
    ])
    expect(res.status).toBe(200)
  })
})
