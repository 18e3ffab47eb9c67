/**
 * The entitlements service (`entitlements_service_url`): entitlements with their assignments, and the data
 * centers the global account may use (WIRE-REFERENCE §B.3; no official spec exists).
 */
import { Router } from '../../kernel/index.js'
import { presentAssignments } from '../entitlement-presenters.js'
import { cisErrors } from '../errors.js'
import { acceptOnly, booleanParam, stringParam } from '../query-params.js'
import { cisJson } from '../responses.js'
import type { CisStore } from '../store.js'
import type { DataCentersResponse } from '../wire-types.js'
import type { Authenticate } from './authenticate.js'

export interface EntitlementsRouterDeps {
  store: CisStore
  authenticate: Authenticate
}

export function createEntitlementsRouter({ store, authenticate }: EntitlementsRouterDeps): Router {
  const router = new Router()

  router.get('/entitlements/v1/assignments', req => {
    const { guid: globalAccountGuid } = authenticate(req)
    acceptOnly(req, ['subaccountGUID', 'directoryGUID', 'includeAutoManagedPlans', 'entitledServicesOnly'])
    const subaccountGuid = stringParam(req, 'subaccountGUID')
    const directoryGuid = stringParam(req, 'directoryGUID')
    // [U] how the real service combines both filters is not recorded; refusing beats guessing.
    if (subaccountGuid && directoryGuid) {
      throw cisErrors.invalidQueryParameter('directoryGUID', directoryGuid, 'give either subaccountGUID or directoryGUID', req.path)
    }
    if (subaccountGuid && !store.subaccount(globalAccountGuid, subaccountGuid)) {
      throw cisErrors.subaccountNotFound(subaccountGuid, req.path)
    }
    if (directoryGuid && !store.directory(globalAccountGuid, directoryGuid)) {
      throw cisErrors.directoryNotFound(directoryGuid, req.path)
    }
    return cisJson(
      presentAssignments(store, globalAccountGuid, {
        subaccountGuid,
        directoryGuid,
        includeAutoManagedPlans: booleanParam(req, 'includeAutoManagedPlans'),
        entitledServicesOnly: booleanParam(req, 'entitledServicesOnly')
      })
    )
  })

  router.get('/entitlements/v1/globalAccountAllowedDataCenters', req => {
    const { guid: globalAccountGuid } = authenticate(req)
    acceptOnly(req, ['region'])
    const region = stringParam(req, 'region')
    const body: DataCentersResponse = {
      datacenters: store.dataCenters(globalAccountGuid).filter(dataCenter => !region || dataCenter.region === region)
    }
    return cisJson(body)
  })

  return router
}
