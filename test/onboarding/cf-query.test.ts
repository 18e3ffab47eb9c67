import { cfQuery, labelSelector } from '../../srv/cf/query.js'

describe('CF query strings', () => {
  test('list values are joined with literal commas, each value percent-encoded on its own', () => {
    expect(cfQuery({ hosts: ['a,b', 'c'], domain_guids: ['d1'] })).toBe('?hosts=a%2Cb,c&domain_guids=d1')
  })

  test('characters the Cloud SDK would pass unencoded are encoded', () => {
    expect(cfQuery({ names: ['a b&c=d#e%f/g?h'] })).toBe('?names=a%20b%26c%3Dd%23e%25f%2Fg%3Fh')
  })

  test('numbers are written as they are, undefined filters are left out', () => {
    expect(cfQuery({ per_page: 200, hosts: undefined, space_guids: ['s'] })).toBe('?per_page=200&space_guids=s')
    expect(cfQuery({ hosts: undefined })).toBe('')
  })

  test('a label selector requires every label (comma = AND) and travels encoded as one value', () => {
    const selector = labelSelector({ 'tenant-hub/tenant-id': 't-1', 'tenant-hub/managed-by': 'tenant-hub-srv' })
    expect(selector).toBe('tenant-hub/tenant-id=t-1,tenant-hub/managed-by=tenant-hub-srv')
    expect(cfQuery({ label_selector: selector })).toBe(`?label_selector=${encodeURIComponent(selector)}`)
  })
})
