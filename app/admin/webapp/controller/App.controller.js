sap.ui.define(['sap/ui/core/mvc/Controller', 'sap/m/MessageBox', 'sap/m/MessageToast'], (Controller, MessageBox, MessageToast) => {
  'use strict'

  /** The operators' page: lists are bound to AdminService; actions and the connectivity check fill the view model. */
  return Controller.extend('tenanthub.admin.controller.App', {
    onInit() {
      this.getOwnerComponent().getModel('view').setData({ repairs: [], repairsTitle: '', checks: [], space: {} })
    },

    /** The Space tab reads the one Space row (its apps are a collection property); Connectivity checks once when first opened. */
    onTabSelect(event) {
      const key = event.getParameter('key')
      if (key === 'space') this._showSpace()
      if (key === 'connectivity' && !this._checked) this.onCheckConnectivity()
    },

    onRefresh() {
      this.getView().getModel().refresh()
      if (this.byId('tabs').getSelectedKey() === 'space') this._showSpace()
    },

    /** `reconcile(dryRun)`: the button's `dryRun` custom data tells a preview from the repair. */
    async onReconcile(event) {
      const dryRun = event.getSource().data('dryRun') === 'true'
      const repairs = await this._invoke('/reconcile(...)', { dryRun })
      if (!repairs) return
      this._viewModel().setProperty('/repairsTitle', await this._text(dryRun ? 'plannedRepairs' : 'doneRepairs', repairs.length))
      this._viewModel().setProperty('/repairs', repairs)
      MessageToast.show(await this._text(dryRun ? 'previewDone' : 'reconcileDone', repairs.length))
      if (!dryRun) this.getView().getModel().refresh()
    },

    async onRecreateRoute(event) {
      const tenant = event.getSource().getBindingContext().getProperty('ID')
      const route = await this._invoke('/recreateRoute(...)', { tenant })
      if (!route) return
      MessageToast.show(await this._text('routeRecreated', route.url))
      this.getView().getModel().refresh()
    },

    async onCheckConnectivity() {
      this._checked = true
      const table = this.byId('checksTable')
      table.setBusy(true)
      try {
        const checks = await this._invoke('/checkConnectivity(...)', {})
        if (checks) this._viewModel().setProperty('/checks', checks)
      } finally {
        table.setBusy(false)
      }
    },

    async _showSpace() {
      const space = this.byId('space')
      space.setBusy(true)
      try {
        const spaces = this.getView().getModel().bindList('/Space')
        const [context] = await spaces.requestContexts(0, 1)
        this._viewModel().setProperty('/space', (await context?.requestObject()) ?? {})
        spaces.destroy()
      } catch (err) {
        MessageBox.error(err.message)
      } finally {
        space.setBusy(false)
      }
    },

    /** Calls an action or function of AdminService; answers its result (a collection's rows) or shows the error. */
    async _invoke(path, parameters) {
      const operation = this.getView().getModel().bindContext(path)
      for (const [name, value] of Object.entries(parameters)) operation.setParameter(name, value)
      try {
        await operation.invoke()
        const result = await operation.getBoundContext().requestObject()
        return Array.isArray(result?.value) ? result.value : result
      } catch (err) {
        MessageBox.error(err.message)
        return undefined
      } finally {
        operation.destroy()
      }
    },

    _viewModel() {
      return this.getOwnerComponent().getModel('view')
    },

    /** A text of the i18n bundle (loaded asynchronously, so its bundle comes as a promise). */
    async _text(key, ...args) {
      const bundle = await this.getOwnerComponent().getModel('i18n').getResourceBundle()
      return bundle.getText(key, args)
    }
  })
})
