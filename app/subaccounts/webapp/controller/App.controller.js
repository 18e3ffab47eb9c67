sap.ui.define(['sap/ui/core/mvc/Controller', 'sap/m/MessageBox', 'sap/m/MessageToast'], (Controller, MessageBox, MessageToast) => {
  'use strict'

  /** The subscriber's subaccounts, read from the tenant's replica; `refresh` syncs it with CIS now. */
  return Controller.extend('tenanthub.subaccounts.controller.App', {
    formatSyncedAt(text, lastSyncedAt) {
      return lastSyncedAt ? text.replace('{0}', new Date(lastSyncedAt).toLocaleString()) : ''
    },

    /** `$search` on the server (AccountService searches display name, subdomain and technical name). */
    onSearch(event) {
      const query = event.getParameter('query')
      this.byId('subaccountsTable').getBinding('items').changeParameters({ $search: query || undefined })
    },

    /** Calls AccountService's `refresh` (a sync with CIS now), then reads everything again. */
    async onRefresh() {
      const model = this.getView().getModel()
      const operation = model.bindContext('/refresh(...)')
      const page = this.byId('page')
      page.setBusy(true)
      try {
        await operation.invoke()
        const bundle = await this.getOwnerComponent().getModel('i18n').getResourceBundle()
        MessageToast.show(bundle.getText('refreshed'))
      } catch (err) {
        MessageBox.error(err.message)
      } finally {
        operation.destroy()
        page.setBusy(false)
        model.refresh()
      }
    }
  })
})
