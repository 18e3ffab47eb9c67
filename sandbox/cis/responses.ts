import { randomUUID } from 'node:crypto'
import type { SimResponse } from '../kernel/index.js'

/** The headers the real accounts service sends with every answer (WIRE-REFERENCE §B.2, real curl output). */
export function cisHeaders(correlationId: string): Record<string, string> {
  return {
    'cache-control': 'no-cache, no-store, max-age=0, must-revalidate',
    'content-type': 'application/json',
    expires: '0',
    pragma: 'no-cache',
    'strict-transport-security': 'max-age=31536000; includeSubDomains; preload;',
    'x-content-type-options': 'nosniff',
    'x-correlationid': correlationId,
    'x-frame-options': 'DENY',
    'x-vcap-request-id': correlationId,
    'x-xss-protection': '1; mode=block'
  }
}

export function newCorrelationId(): string {
  return randomUUID()
}

/** A 200 with a JSON body and the service's headers. */
export function cisJson(body: object): SimResponse {
  return { status: 200, headers: cisHeaders(newCorrelationId()), body }
}
