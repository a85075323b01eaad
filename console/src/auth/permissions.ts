/**
 * What the signed-in principal may do, read from GET /whoami, so the console
 * offers only those actions. The gateway stays the authority: this only
 * decides what to show, never what is allowed.
 *
 * The rules mirror the gateway's authorizer (src/core/identity/authorizer.ts):
 * an admin may do everything; `admin` on a resource covers every operation
 * on it; produce or consume imply describe (as in Kafka's ACLs); a grant
 * names one resource, a name prefix, or ('' prefix) every resource of a type.
 */
import type { Identity, Operation, ResourcePattern, ResourceType } from '../api/types.ts'

export interface ResourceRef {
  type: ResourceType
  /** One resource. Without a name the question is about all of the type (a listing). */
  name?: string
}

function operationCovered (granted: Operation[], wanted: Operation): boolean {
  if (granted.includes(wanted) || granted.includes('admin')) return true
  return wanted === 'describe' && (granted.includes('produce') || granted.includes('consume'))
}

function resourceCovered (granted: ResourcePattern, wanted: ResourceRef): boolean {
  if (granted.type !== wanted.type) return false
  if (wanted.type === 'cluster') return true
  if (wanted.name === undefined) return granted.prefix === ''
  if (granted.name !== undefined) return granted.name === wanted.name
  return granted.prefix !== undefined && wanted.name.startsWith(granted.prefix)
}

export function can (identity: Identity | undefined, operation: Operation, resource: ResourceRef): boolean {
  if (!identity) return false
  if (identity.admin) return true
  return identity.permissions.some(p => operationCovered(p.operations, operation) && resourceCovered(p.resource, resource))
}

/** May the principal do this on at least some resource of the type (e.g. create a topic under its prefix)? */
export function canSome (identity: Identity | undefined, operation: Operation, type: ResourceType): boolean {
  if (!identity) return false
  if (identity.admin) return true
  return identity.permissions.some(p => p.resource.type === type && operationCovered(p.operations, operation))
}
