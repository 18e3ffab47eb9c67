sap.ui.define(['sap/ui/core/UIComponent'], UIComponent => {
  'use strict'

  /** tenant-hub for operators of the provider subaccount; its OData service is AdminService. */
  return UIComponent.extend('tenanthub.admin.Component', {
    metadata: { manifest: 'json', interfaces: ['sap.ui.core.IAsyncContentCreation'] }
  })
})
