import type {
  AccountChildren,
  AssignmentRecord,
  CisStore,
  DataCenterRecord,
  DirectoryRecord,
  GlobalAccountLandscape,
  GlobalAccountRecord,
  ServiceRecord,
  SubaccountRecord
} from './store.js'

interface IndexedLandscape {
  landscape: GlobalAccountLandscape
  directoriesByGuid: Map<string, DirectoryRecord>
  subaccountsByGuid: Map<string, SubaccountRecord>
  childrenByParent: Map<string, { directories: DirectoryRecord[]; subaccounts: SubaccountRecord[] }>
}

const NO_CHILDREN: AccountChildren = { directories: [], subaccounts: [] }

/** `CisStore` in memory, indexed by guid and by parent so that 10,000 subaccounts answer at once. */
export class InMemoryCisStore implements CisStore {
  #byGlobalAccount = new Map<string, IndexedLandscape>()

  load(landscapes: readonly GlobalAccountLandscape[]): void {
    this.#byGlobalAccount = new Map(landscapes.map(landscape => [landscape.globalAccount.guid, index(landscape)]))
  }

  addSubaccount(subaccount: SubaccountRecord, assignments: readonly AssignmentRecord[] = []): void {
    const indexed = this.#byGlobalAccount.get(subaccount.globalAccountGUID)
    if (!indexed) throw new Error(`no global account ${subaccount.globalAccountGUID}`)
    if (indexed.subaccountsByGuid.has(subaccount.guid)) throw new Error(`subaccount ${subaccount.guid} exists already`)
    indexed.landscape.subaccounts.push(subaccount)
    indexed.landscape.assignments.push(...assignments)
    indexed.subaccountsByGuid.set(subaccount.guid, subaccount)
    let children = indexed.childrenByParent.get(subaccount.parentGUID)
    if (!children) indexed.childrenByParent.set(subaccount.parentGUID, (children = { directories: [], subaccounts: [] }))
    children.subaccounts.push(subaccount)
  }

  globalAccounts(): readonly GlobalAccountRecord[] {
    return [...this.#byGlobalAccount.values()].map(indexed => indexed.landscape.globalAccount)
  }

  globalAccount(guid: string): GlobalAccountRecord | undefined {
    return this.#byGlobalAccount.get(guid)?.landscape.globalAccount
  }

  directories(globalAccountGuid: string): readonly DirectoryRecord[] {
    return this.#byGlobalAccount.get(globalAccountGuid)?.landscape.directories ?? []
  }

  directory(globalAccountGuid: string, guid: string): DirectoryRecord | undefined {
    return this.#byGlobalAccount.get(globalAccountGuid)?.directoriesByGuid.get(guid)
  }

  subaccounts(globalAccountGuid: string): readonly SubaccountRecord[] {
    return this.#byGlobalAccount.get(globalAccountGuid)?.landscape.subaccounts ?? []
  }

  subaccount(globalAccountGuid: string, guid: string): SubaccountRecord | undefined {
    return this.#byGlobalAccount.get(globalAccountGuid)?.subaccountsByGuid.get(guid)
  }

  children(globalAccountGuid: string, parentGuid: string): AccountChildren {
    return this.#byGlobalAccount.get(globalAccountGuid)?.childrenByParent.get(parentGuid) ?? NO_CHILDREN
  }

  services(globalAccountGuid: string): readonly ServiceRecord[] {
    return this.#byGlobalAccount.get(globalAccountGuid)?.landscape.services ?? []
  }

  assignments(globalAccountGuid: string): readonly AssignmentRecord[] {
    return this.#byGlobalAccount.get(globalAccountGuid)?.landscape.assignments ?? []
  }

  dataCenters(globalAccountGuid: string): readonly DataCenterRecord[] {
    return this.#byGlobalAccount.get(globalAccountGuid)?.landscape.dataCenters ?? []
  }
}

function index(landscape: GlobalAccountLandscape): IndexedLandscape {
  const childrenByParent: IndexedLandscape['childrenByParent'] = new Map()
  const childrenOf = (parentGuid: string) => {
    let children = childrenByParent.get(parentGuid)
    if (!children) childrenByParent.set(parentGuid, (children = { directories: [], subaccounts: [] }))
    return children
  }
  for (const directory of landscape.directories) childrenOf(directory.parentGUID).directories.push(directory)
  for (const subaccount of landscape.subaccounts) childrenOf(subaccount.parentGUID).subaccounts.push(subaccount)
  return {
    landscape,
    directoriesByGuid: new Map(landscape.directories.map(directory => [directory.guid, directory])),
    subaccountsByGuid: new Map(landscape.subaccounts.map(subaccount => [subaccount.guid, subaccount])),
    childrenByParent
  }
}
