/**
 * What AccountService serves equals what CIS holds: every field of the global account, a directory, a subaccount,
 * an entitlement and a service plan, and the whole hierarchy, read through HTTP by the provider tenant.
 */
import { PROVIDER_SEED } from '../../sandbox/cis/index.js'
import { accountsApp, PROVIDER } from './helpers/accounts-app.js'
import {
  expectedDirectory,
  expectedEntitlement,
  expectedGlobalAccount,
  expectedLabels,
  expectedServicePlan,
  expectedSubaccount
} from './helpers/cis-expectations.js'

const accounts = accountsApp()
const cis = () => accounts.app.sandbox.cis
const GA = PROVIDER.globalAccountGuid
const { directories: dir, subaccounts: sub } = PROVIDER_SEED
const asProvider = (path: string) => accounts.read(PROVIDER.tenantId, path)
const names = (rows: Array<{ displayName: string }>) => rows.map(row => row.displayName)
const byNameAndValue = (a: { name: string; value: string }, b: { name: string; value: string }) =>
  a.name.localeCompare(b.name) || a.value.localeCompare(b.value)

describe('the provider tenant reads the provider global account as CIS has it', () => {
  test('the global account, every field', async () => {
    const res = await asProvider(`GlobalAccounts('${GA}')`)
    expect(res.data).toMatchObject(expectedGlobalAccount(cis(), GA))
    expect(res.status).toBe(200)
  })

  test('a subaccount with multi-valued labels, every field and every label', async () => {
    const res = await asProvider(`Subaccounts('${sub.sharedServices}')?$expand=labels`)
    expect(res.data).toMatchObject(expectedSubaccount(cis(), GA, sub.sharedServices))
    const labels = res.data.labels.map(({ name, value }: { name: string; value: string }) => ({ name, value })).sort(byNameAndValue)
    expect(labels).toEqual(expectedLabels(cis().store.subaccount(GA, sub.sharedServices)!.labels))
    expect(res.status).toBe(200)
  })

  test('a subaccount pending forced deletion, with its deletion timestamps', async () => {
    const res = await asProvider(`Subaccounts('${sub.pendingDeletion}')`)
    expect(res.data).toMatchObject({
      ...expectedSubaccount(cis(), GA, sub.pendingDeletion),
      contractStatus: 'PENDING_FORCED_DELETION',
      forceDeleteRequestTime: '2025-07-07T08:05:34.000Z',
      forceDeleteTargetTime: '2025-07-14T08:05:34.000Z'
    })
    expect(res.status).toBe(200)
  })

  test('a label key without values is one label with an empty value', async () => {
    const res = await asProvider(`Subaccounts('${sub.partnerDemo}')/labels?$orderby=name`)
    expect(res.data.value).toMatchObject([
      { name: 'EMEA', value: '' },
      { name: 'partner', value: 'initech-consulting' }
    ])
    expect(res.status).toBe(200)
  })

  test('a directory with every feature, subdomain and labels, every field', async () => {
    const res = await asProvider(`Directories('${dir.production}')?$expand=labels`)
    expect(res.data).toMatchObject(expectedDirectory(cis(), GA, dir.production))
    expect(res.data.directoryFeatures).toEqual(['AUTHORIZATIONS', 'DEFAULT', 'ENTITLEMENTS'])
    const labels = res.data.labels.map(({ name, value }: { name: string; value: string }) => ({ name, value })).sort(byNameAndValue)
    expect(labels).toEqual(expectedLabels(cis().store.directory(GA, dir.production)!.labels))
    expect(res.status).toBe(200)
  })

  test('an entitlement of a subaccount and one of a directory, every field', async () => {
    const ofSubaccount = await asProvider(
      `Entitlements(servicePlan_serviceName='hana-cloud',servicePlan_name='hana',entityId='${sub.provider}')`
    )
    expect(ofSubaccount.data).toMatchObject(expectedEntitlement(cis(), GA, 'hana-cloud', 'hana', sub.provider))
    expect(ofSubaccount.status).toBe(200)

    const ofDirectory = await asProvider(`Directories('${dir.production}')/entitlements`)
    expect(ofDirectory.data.value).toMatchObject([expectedEntitlement(cis(), GA, 'hana-cloud', 'hana', dir.production)])
    expect(ofDirectory.status).toBe(200)
  })

  test('a service plan with the quota of the global account, every field', async () => {
    const res = await asProvider(`ServicePlans(serviceName='hana-cloud',name='hana')`)
    expect(res.data).toMatchObject(expectedServicePlan(cis(), GA, 'hana-cloud', 'hana'))
    expect(res.status).toBe(200)
  })

  test('as many subaccounts, directories and data centers as CIS has, each with its fields', async () => {
    const subaccounts = await asProvider('Subaccounts?$count=true&$orderby=guid')
    const inCis = cis().store.subaccounts(GA).map(record => record.guid).sort()
    expect(subaccounts.data['@odata.count']).toBe(inCis.length)
    expect(subaccounts.data.value).toMatchObject(inCis.map(guid => expectedSubaccount(cis(), GA, guid)))

    const directories = await asProvider('Directories?$orderby=guid')
    const dirsInCis = cis().store.directories(GA).map(record => record.guid).sort()
    expect(directories.data.value).toMatchObject(dirsInCis.map(guid => expectedDirectory(cis(), GA, guid)))

    const dataCenters = await asProvider('DataCenters?$orderby=name')
    expect(dataCenters.data.value).toMatchObject([...cis().store.dataCenters(GA)].sort((a, b) => a.name.localeCompare(b.name)))
    expect(dataCenters.status).toBe(200)
  })

  test('as many entitlements as CIS has assignments', async () => {
    const res = await asProvider('Entitlements/$count')
    expect(res.data).toBe(cis().store.assignments(GA).length)
    expect(res.status).toBe(200)
  })
})

describe('the hierarchy navigates both ways', () => {
  test('from a subaccount up through its directories to the global account', async () => {
    const res = await asProvider(
      `Subaccounts('${sub.acme}')?$select=displayName&$expand=directory($select=displayName;$expand=parent($select=displayName;$expand=parent($select=displayName;$expand=parent,globalAccount($select=displayName))))`
    )
    expect(res.data).toMatchObject({
      displayName: 'ACME Corp.',
      directory: {
        displayName: 'DACH',
        parent: { displayName: 'EMEA', parent: { displayName: 'Production', parent: null, globalAccount: { displayName: 'Tenant Hub Global Account' } } }
      }
    })
    expect(res.status).toBe(200)
  })

  test('from a directory down to its children and their subaccounts', async () => {
    const res = await asProvider(
      `Directories('${dir.production}')?$select=displayName&$expand=children($select=displayName;$orderby=displayName;$expand=subaccounts($select=displayName;$orderby=displayName),children($select=displayName))`
    )
    expect(res.data).toMatchObject({
      displayName: 'Production',
      children: [
        { displayName: 'Americas', subaccounts: [{ displayName: 'Globex Corporation' }], children: [] },
        { displayName: 'EMEA', subaccounts: [{ displayName: 'Data Analytics' }, { displayName: 'Initech' }], children: [{ displayName: 'DACH' }] }
      ]
    })
    expect(res.status).toBe(200)
  })

  test('by navigation paths, both directions', async () => {
    const children = await asProvider(`Directories('${dir.emea}')/children`)
    expect(names(children.data.value)).toEqual(['DACH'])
    const subaccounts = await asProvider(`Directories('${dir.dach}')/subaccounts`)
    expect(names(subaccounts.data.value)).toEqual(['ACME Corp.'])
    const directory = await asProvider(`Subaccounts('${sub.acme}')/directory`)
    expect(directory.data).toMatchObject({ guid: dir.dach, displayName: 'DACH' })
    const parent = await asProvider(`Directories('${dir.dach}')/parent`)
    expect(parent.data).toMatchObject({ guid: dir.emea })
    expect(parent.status).toBe(200)
  })

  test('the global account holds the top-level directories and the root subaccounts', async () => {
    const top = await asProvider(`GlobalAccounts('${GA}')/directories?$filter=parent_guid eq null&$orderby=displayName`)
    expect(names(top.data.value)).toEqual(['Archive', 'Non-Production', 'Production', 'Sandboxes'])
    const root = await asProvider(`GlobalAccounts('${GA}')/subaccounts?$filter=directory_guid eq null&$select=guid`)
    const rootInCis = cis().store.children(GA, GA).subaccounts.map(record => record.guid)
    expect(root.data.value.map((row: { guid: string }) => row.guid).sort()).toEqual([...rootInCis].sort())
    expect(root.status).toBe(200)
  })

  test('a service plan leads to the subaccounts it is assigned to, and back', async () => {
    const res = await asProvider(
      `ServicePlans(serviceName='hana-cloud',name='hana')/entitlements?$filter=entityType eq 'SUBACCOUNT'&$expand=subaccount($select=displayName;$expand=entitlements($select=servicePlan_name;$filter=servicePlan_serviceName eq 'hana-cloud'))`
    )
    expect(res.data.value).toMatchObject([{ subaccount: { displayName: 'Tenant Hub (provider)', entitlements: [{ servicePlan_name: 'hana' }] } }])
    expect(res.status).toBe(200)
  })

  test('a subaccount leads to the data centers of its region', async () => {
    const res = await asProvider(`Subaccounts('${sub.trialPlayground}')/dataCenters`)
    expect(res.data.value).toMatchObject([{ region: 'ap21' }])
    expect(res.status).toBe(200)
  })

  test('states come with their code-list texts', async () => {
    const res = await asProvider(`Subaccounts('${sub.failedOnboarding}')?$select=state_code&$expand=state($select=name,criticality)`)
    expect(res.data).toMatchObject({ state_code: 'CREATION_FAILED', state: { name: 'Creation Failed', criticality: 1 } })
    expect(res.status).toBe(200)
  })
})
