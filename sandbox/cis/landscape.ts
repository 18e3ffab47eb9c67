import { PROVIDER } from '../identities.js'
import { CisConfigError, type ResolvedGlobalAccountConfig } from './config.js'
import { withGeneratedSubaccounts } from './generate.js'
import { bareLandscape, providerLandscape, SUBSCRIBER_GLOBAL_ACCOUNT, subscriberLandscape } from './seed.js'
import type { GlobalAccountLandscape } from './store.js'

/** Subaccounts of a global account without a seed of its own, unless `subaccountCount` says otherwise. */
const DEFAULT_GENERATED_SUBACCOUNTS = 3

/** The landscape of one configured global account: its seed, filled up to `subaccountCount` by the generator. */
export function buildLandscape(account: ResolvedGlobalAccountConfig, index: number): GlobalAccountLandscape {
  const seed = seededLandscape(account.guid)
  const landscape = seed ?? bareLandscape(account.guid, index)
  if (account.displayName) landscape.globalAccount.displayName = account.displayName
  const seeded = landscape.subaccounts.length
  const total = account.subaccountCount ?? (seed ? seeded : DEFAULT_GENERATED_SUBACCOUNTS)
  if (total < seeded) {
    throw new CisConfigError(`global account ${account.guid} has ${seeded} seeded subaccounts; "subaccountCount" must be at least that`)
  }
  return total > seeded ? withGeneratedSubaccounts(landscape, total - seeded) : landscape
}

function seededLandscape(guid: string): GlobalAccountLandscape | undefined {
  if (guid === PROVIDER.globalAccountGuid) return providerLandscape()
  if (guid === SUBSCRIBER_GLOBAL_ACCOUNT.guid) return subscriberLandscape()
  return undefined
}
