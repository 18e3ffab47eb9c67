import { InvalidSubdomainError, routeHostFor, tenantUrlFor } from '../../srv/onboarding/naming.js'

describe('naming rules: subdomain → route host → tenant URL', () => {
  test('the host is the subdomain, lowercased, plus the host suffix', () => {
    expect(routeHostFor('acme', 'tenant-hub')).toBe('acme-tenant-hub')
    expect(routeHostFor('Acme-Corp-42', 'tenant-hub')).toBe('acme-corp-42-tenant-hub')
  })

  test('the URL is https on the host in the domain', () => {
    expect(tenantUrlFor('acme-tenant-hub', 'cfapps.eu10.hana.ondemand.com')).toBe('https://acme-tenant-hub.cfapps.eu10.hana.ondemand.com')
  })

  test('a host may have 63 characters, not 64', () => {
    expect(routeHostFor('a'.repeat(52), 'tenant-hub')).toHaveLength(63)
    expect(() => routeHostFor('a'.repeat(53), 'tenant-hub')).toThrow(/"a{53}-tenant-hub" of 64 characters; a host has at most 63/)
  })

  test.each(['acme.corp', 'acme_corp', '-acme', 'acme-', 'äcme', '../acme', 'acme corp', 'acme"corp', "acme'corp", 'acme\n', '*'])(
    'refuses %j with 400 INVALID_SUBDOMAIN',
    subdomain => {
      const refusal = catchError(() => routeHostFor(subdomain, 'tenant-hub'))
      expect(refusal).toBeInstanceOf(InvalidSubdomainError)
      expect(refusal).toMatchObject({ status: 400, code: 'INVALID_SUBDOMAIN', message: expect.stringContaining(JSON.stringify(subdomain)) })
    }
  )

  test.each([undefined, null, '', 42])('refuses a missing subdomain (%j) saying the payload has none', subdomain => {
    expect(() => routeHostFor(subdomain, 'tenant-hub')).toThrow('The subscription payload has no "subscribedSubdomain"')
  })
})

function catchError(run: () => unknown): unknown {
  try {
    run()
  } catch (err) {
    return err
  }
  throw new Error('expected an error, but none was thrown')
}
