/**
 * Injected faults on the CIS simulators render the services' own error bodies; a 429 is the documented
 * rate-limit body (11006 with an 11007 detail) and carries no rate-limit headers (WIRE-REFERENCE §B.2).
 */
import { PROVIDER } from '../../sandbox/identities.js'
import type { CisErrorBody, SubaccountsResponse } from '../../sandbox/cis/index.js'
import { requestToken, startCisTestSandbox, type CisTestSandbox } from './helpers/cis-sandbox.js'

let sandbox: CisTestSandbox
let token: string

beforeAll(async () => {
  sandbox = await startCisTestSandbox()
  token = await sandbox.tokenFor(PROVIDER.globalAccountGuid)
})

afterEach(() => sandbox.ctx.faults.clear())

afterAll(() => sandbox.cis.close())

const rateLimitHeaders = (headers: Headers) => [...headers.keys()].filter(name => /rate-?limit|retry-after/i.test(name))

describe('an injected 429', () => {
  it('renders code 11006 with detail 11007 and no Retry-After or rate-limit headers', async () => {
    sandbox.ctx.faults.add({ simulator: 'cis', endpoint: 'GET /accounts/v1/subaccounts', status: 429 })
    const { status, headers, body } = await sandbox.accounts<CisErrorBody>('/accounts/v1/subaccounts', token)
    expect(body.error).toMatchObject({
      code: 11006,
      message: 'Request rate limit exceeded.',
      correlationID: expect.any(String),
      details: [{ code: 11007, message: expect.stringMatching(/^Maximum request rate limit is \d+ requests in \d+ seconds$/) }]
    })
    expect(rateLimitHeaders(headers)).toEqual([])
    expect(headers.get('content-type')).toBe('application/json')
    expect(status).toBe(429)
  })

  it('applies for its number of calls only', async () => {
    sandbox.ctx.faults.add({ simulator: 'cis', endpoint: 'GET /accounts/v1/subaccounts', status: 429, times: 1 })
    expect((await sandbox.accounts('/accounts/v1/subaccounts', token)).status).toBe(429)
    const { status, body } = await sandbox.accounts<SubaccountsResponse>('/accounts/v1/subaccounts', token)
    expect(body.value.length).toBeGreaterThan(0)
    expect(status).toBe(200)
  })

  it('renders the same body on the entitlements service', async () => {
    sandbox.ctx.faults.add({ simulator: 'cis', endpoint: '/entitlements/v1/assignments', status: 429 })
    const { status, headers, body } = await sandbox.entitlements<CisErrorBody>('/entitlements/v1/assignments', token)
    expect(body.error.code).toBe(11006)
    expect(rateLimitHeaders(headers)).toEqual([])
    expect(status).toBe(429)
  })

  it('carries Retry-After only when the fault itself adds it', async () => {
    sandbox.ctx.faults.add({ simulator: 'cis', endpoint: 'GET /accounts/v1/globalAccount', status: 429, retryAfter: 3 })
    const { status, headers, body } = await sandbox.accounts<CisErrorBody>('/accounts/v1/globalAccount', token)
    expect(body.error.code).toBe(11006)
    expect(headers.get('retry-after')).toBe('3')
    expect(status).toBe(429)
  })
})

describe('other injected faults', () => {
  it('renders a 5xx in the CIS envelope', async () => {
    sandbox.ctx.faults.add({ simulator: 'cis', endpoint: 'GET /accounts/v1/subaccounts/:subaccountGUID', status: 503 })
    const { status, body } = await sandbox.accounts<CisErrorBody>(`/accounts/v1/subaccounts/${PROVIDER.tenantId}`, token)
    expect(body.error).toMatchObject({ code: expect.any(Number), message: 'Service Unavailable', correlationID: expect.any(String) })
    expect(status).toBe(503)
  })

  it('renders a fault of the token endpoint as an OAuth error', async () => {
    sandbox.ctx.faults.add({ simulator: 'cis-uaa', status: 503 })
    const { status, body } = await requestToken(sandbox.credentialsOf(PROVIDER.globalAccountGuid))
    expect(body.error).toBe('server_error')
    expect(status).toBe(503)
  })
})
