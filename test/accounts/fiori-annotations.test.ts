/**
 * UI-ready: the service metadata carries the Fiori elements annotations of a list report and object page for
 * Subaccounts and Directories, with every text resolved from the i18n bundles.
 */
import { accountsApp, PROVIDER } from './helpers/accounts-app.js'

const accounts = accountsApp()

/** The `$metadata` document, as a Fiori elements app loads it. */
async function metadata(): Promise<string> {
  const res = await accounts.app.test.GET('/odata/v4/accounts/$metadata', accounts.as(PROVIDER.tenantId))
  expect(res.status).toBe(200)
  return res.data as string
}

/** The `<Annotations Target="…">` block of one target. */
function annotationsOf(document: string, target: string): string {
  const start = document.indexOf(`<Annotations Target="${target}">`)
  expect(start).toBeGreaterThanOrEqual(0)
  return document.slice(start, document.indexOf('</Annotations>', start))
}

test.each(['Subaccounts', 'Directories'])('%s have a list report: header info, selection fields, line item, facets', async entity => {
  const block = annotationsOf(await metadata(), `AccountService.${entity}`)
  for (const term of ['UI.HeaderInfo', 'UI.SelectionFields', 'UI.LineItem', 'UI.Facets', 'UI.FieldGroup" Qualifier="General']) expect(block).toContain(term)
})

test('type names, labels and section titles are translated texts, not i18n keys', async () => {
  const document = await metadata()
  expect(document).not.toContain('{i18n>')
  expect(annotationsOf(document, 'AccountService.Subaccounts')).toContain('<PropertyValue Property="TypeNamePlural" String="Subaccounts"/>')
  expect(annotationsOf(document, 'AccountService.Directories')).toContain('<PropertyValue Property="Label" String="Subdirectories"/>')
  expect(annotationsOf(document, 'AccountService.Subaccounts/usedForProduction_code')).toContain('String="Used for Production"')
})

test('states show their code-list text and criticality', async () => {
  const document = await metadata()
  expect(annotationsOf(document, 'AccountService.Subaccounts/state_code')).toContain('<Annotation Term="Common.Text" Path="state/name">')
  expect(annotationsOf(document, 'AccountService.Subaccounts')).toContain('<PropertyValue Property="Criticality" Path="state/criticality"/>')
})

test('the service is read-only: nothing can be inserted, and refresh is its only action', async () => {
  const document = await metadata()
  expect(annotationsOf(document, 'AccountService.EntityContainer/Subaccounts')).toContain('<PropertyValue Property="Insertable" Bool="false"/>')
  expect(document).not.toMatch(/<Action Name="(?!refresh")/)
})
