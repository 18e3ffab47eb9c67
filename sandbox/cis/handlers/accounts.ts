/**
 * The accounts service (`accounts_service_url`), read operations of the official OpenAPI: the global account,
 * subaccounts, directories and their labels. Every answer is scoped to the token's global account.
 */
import { Router, type SimRequest } from '../../kernel/index.js'
import { labelsOf, presentDirectory, presentGlobalAccount, presentSubaccount } from '../account-presenters.js'
import { cisErrors } from '../errors.js'
import { LabelSelectorError, matchesLabelSelector, parseLabelSelector, type LabelCondition } from '../label-selector.js'
import { acceptOnly, booleanParam, oneOfParam, stringParam } from '../query-params.js'
import { cisJson } from '../responses.js'
import type { CisStore, DirectoryRecord, SubaccountRecord } from '../store.js'
import type { LabelsResponse, SubaccountsResponse } from '../wire-types.js'
import type { Authenticate } from './authenticate.js'

export interface AccountsRouterDeps {
  store: CisStore
  authenticate: Authenticate
}

export function createAccountsRouter({ store, authenticate }: AccountsRouterDeps): Router {
  const router = new Router()

  router.get('/accounts/v1/globalAccount', req => {
    const globalAccount = authenticate(req)
    acceptOnly(req, ['expand'])
    return cisJson(presentGlobalAccount(store, globalAccount, { expand: booleanParam(req, 'expand') }))
  })

  router.get('/accounts/v1/subaccounts', req => {
    const { guid: globalAccountGuid } = authenticate(req)
    acceptOnly(req, ['directoryGUID', 'derivedAuthorizations', 'labelSelector'])
    // Tokens here are global-account wide, so every derivedAuthorizations range yields the same subaccounts.
    oneOfParam(req, 'derivedAuthorizations', ['any', 'saadmin'])
    const conditions = labelConditions(req)
    const directoryGuid = stringParam(req, 'directoryGUID')
    // [U] "subaccounts in a given directory" is read as its direct children.
    const candidates = directoryGuid
      ? store.children(globalAccountGuid, findDirectory(store, globalAccountGuid, directoryGuid, req).guid).subaccounts
      : store.subaccounts(globalAccountGuid)
    const body: SubaccountsResponse = {
      value: candidates
        .filter(subaccount => !conditions || matchesLabelSelector(subaccount.labels, conditions))
        .map(subaccount => presentSubaccount(store, subaccount))
    }
    return cisJson(body)
  })

  router.get('/accounts/v1/subaccounts/:subaccountGUID', req => {
    const { guid: globalAccountGuid } = authenticate(req)
    acceptOnly(req, ['derivedAuthorizations'])
    oneOfParam(req, 'derivedAuthorizations', ['any'])
    const subaccount = findSubaccount(store, globalAccountGuid, req.params.subaccountGUID, req)
    return cisJson(presentSubaccount(store, subaccount, { single: true }))
  })

  router.get('/accounts/v1/subaccounts/:subaccountGUID/labels', req => {
    const { guid: globalAccountGuid } = authenticate(req)
    acceptOnly(req, [])
    const subaccount = findSubaccount(store, globalAccountGuid, req.params.subaccountGUID, req)
    const body: LabelsResponse = { labels: labelsOf(subaccount.labels) }
    return cisJson(body)
  })

  router.get('/accounts/v1/directories/:directoryGUID', req => {
    const { guid: globalAccountGuid } = authenticate(req)
    acceptOnly(req, ['expand'])
    const directory = findDirectory(store, globalAccountGuid, req.params.directoryGUID, req)
    return cisJson(presentDirectory(store, directory, { expand: booleanParam(req, 'expand') }))
  })

  router.get('/accounts/v1/directories/:directoryGUID/labels', req => {
    const { guid: globalAccountGuid } = authenticate(req)
    acceptOnly(req, [])
    const directory = findDirectory(store, globalAccountGuid, req.params.directoryGUID, req)
    const body: LabelsResponse = { labels: labelsOf(directory.labels) }
    return cisJson(body)
  })

  return router
}

function findSubaccount(store: CisStore, globalAccountGuid: string, guid: string, req: SimRequest): SubaccountRecord {
  const subaccount = store.subaccount(globalAccountGuid, guid)
  if (!subaccount) throw cisErrors.subaccountNotFound(guid, req.path)
  return subaccount
}

function findDirectory(store: CisStore, globalAccountGuid: string, guid: string, req: SimRequest): DirectoryRecord {
  const directory = store.directory(globalAccountGuid, guid)
  if (!directory) throw cisErrors.directoryNotFound(guid, req.path)
  return directory
}

function labelConditions(req: SimRequest): LabelCondition[] | undefined {
  const selector = stringParam(req, 'labelSelector')
  if (selector === undefined) return undefined
  try {
    return parseLabelSelector(selector)
  } catch (err) {
    if (err instanceof LabelSelectorError) throw cisErrors.invalidQueryParameter('labelSelector', selector, err.message, req.path)
    throw err
  }
}
