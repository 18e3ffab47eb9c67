import { sandboxApp } from '../helpers/sandbox-app.js'

// The development profile's mocked users (npm run watch without the sandbox's XSUAA): `operator` is of the
// provider tenant named by cds.requires.auth.providerTenant, `viewer-t1` of a subscriber.
const app = sandboxApp({ auth: 'mocked' })
const { GET, axios } = app.test
axios.defaults.validateStatus = () => true
const as = (username: string) => ({ auth: { username, password: '' } })

test('the mocked operator of the provider tenant can use the admin service', async () => {
  const res = await GET('/odata/v4/admin/Space', as('operator'))
  expect(res.data.value).toEqual([expect.objectContaining({ name: 'dev', organization: 'tenant-hub-org' })])
  expect(res.status).toBe(200)
})

test('a mocked subscriber user is refused', async () => {
  const res = await GET('/odata/v4/admin/Space', as('viewer-t1'))
  expect(res.status).toBe(403)
})
