/**
 * `--resource` of `permissions grant`: `cluster`, `topic:orders`,
 * `topic:orders.*` (prefix), `topic:*` (every topic), `group:…`,
 * `access-point:datahub-…`.
 */
import { RESOURCE_TYPES } from '../core/identity/principal.ts'
import type { PermissionResource } from '../core/identity/entries.ts'

export function parseResourceSpec (spec: string): PermissionResource {
  if (spec === 'cluster') return { type: 'cluster' }
  const colon = spec.indexOf(':')
  const type = colon < 0 ? spec : spec.slice(0, colon)
  if (!(RESOURCE_TYPES as readonly string[]).includes(type) || colon < 0) {
    throw new Error(`--resource must look like cluster, topic:NAME, topic:PREFIX* or topic:* (also group:…, access-point:…); got ${JSON.stringify(spec)}`)
  }
  const name = spec.slice(colon + 1)
  if (name === '') throw new Error(`--resource ${spec}: name the resource after the colon, or use * for all`)
  const resourceType = type as PermissionResource['type']
  return name.endsWith('*') ? { type: resourceType, prefix: name.slice(0, -1) } : { type: resourceType, name }
}

export function formatResource (resource: PermissionResource): string {
  if (resource.type === 'cluster') return 'cluster'
  return resource.name !== undefined ? `${resource.type}:${resource.name}` : `${resource.type}:${resource.prefix ?? ''}*`
}
