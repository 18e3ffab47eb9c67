/** CF API v3 resources as tenant-hub reads them (WIRE-REFERENCE §A; fields it does not use are omitted). */

export interface Relationship {
  data: { guid: string } | null
}

export interface Metadata {
  labels: Record<string, string>
  annotations: Record<string, string>
}

export interface Route {
  guid: string
  host: string
  path: string
  url: string
  created_at: string
  updated_at: string
  destinations: RouteDestination[]
  metadata: Metadata
  relationships: { space: Relationship; domain: Relationship }
}

export interface RouteDestination {
  guid: string
  app: { guid: string; process?: { type: string } }
  port?: number | null
  protocol?: string | null
}

export interface App {
  guid: string
  name: string
  state: 'STARTED' | 'STOPPED'
  created_at: string
  updated_at: string
  relationships: { space: Relationship }
}

export interface Domain {
  guid: string
  name: string
  internal: boolean
}

export interface Space {
  guid: string
  name: string
  relationships: { organization: Relationship }
}

export interface Organization {
  guid: string
  name: string
}

export interface Job {
  guid: string
  operation: string
  state: 'PROCESSING' | 'POLLING' | 'COMPLETE' | 'FAILED'
  errors: CfErrorEntry[]
}

export interface Paginated<T> {
  pagination: { total_results: number; total_pages: number; next: { href: string } | null }
  resources: T[]
  included?: Record<string, unknown[]>
}

export interface CfErrorEntry {
  code: number
  title: string
  detail: string
}
