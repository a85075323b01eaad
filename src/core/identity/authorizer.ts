/**
 * The one authorizer (issue 4 "What they may do"): every dialect asks it,
 * so a permission means the same thing whichever API a client speaks.
 *
 * - The admin token and the anonymous caller of auth mode `none` may do
 *   everything; so may a principal granted `admin` on the cluster.
 * - A grant names a principal or a group, operations, and a resource by
 *   exact name or by prefix ('' = every resource of its type).
 * - `admin` on a resource implies every operation on it; `produce` and
 *   `consume` imply `describe` (as READ/WRITE imply DESCRIBE in Kafka ACLs).
 * - A principal listed in an access point's allowedPrincipals may produce
 *   to that access point.
 * - The state topic is reserved: nobody produces to or consumes it through
 *   the gateway (it holds sealed secrets, and a write would forge state).
 */
import { GatewayError } from '../errors.ts'
import type { PermissionGrant, PermissionResource } from './entries.ts'
import { describeResource, type Operation, type Principal, type Resource } from './principal.ts'
import type { SharedState } from './shared-state.ts'

export interface Decision {
  allowed: boolean
  /** Why, phrased for the caller (denials) or the audit log (grants). */
  reason: string
}

function isSuperuserKind (principal: Principal): boolean {
  return principal.kind === 'admin-token' || principal.kind === 'anonymous'
}

export function grantApplies (grant: PermissionGrant, principal: Principal): boolean {
  if (grant.principal !== undefined) return grant.principal === principal.id
  return grant.group !== undefined && principal.groups.includes(grant.group)
}

function operationCovered (granted: Operation[], wanted: Operation): boolean {
  if (granted.includes(wanted) || granted.includes('admin')) return true
  return wanted === 'describe' && (granted.includes('produce') || granted.includes('consume'))
}

function resourceCovered (granted: PermissionResource, wanted: Resource): boolean {
  if (granted.type !== wanted.type) return false
  if (wanted.type === 'cluster') return true
  // A request about every resource of a type (a listing) needs a grant on all of them.
  if (wanted.name === undefined) return granted.prefix === ''
  if (granted.name !== undefined) return granted.name === wanted.name
  return granted.prefix !== undefined && wanted.name.startsWith(granted.prefix)
}

export class Authorizer {
  readonly #state: SharedState
  readonly #reservedTopics: ReadonlySet<string>

  constructor (state: SharedState, reservedTopics: string[]) {
    this.#state = state
    this.#reservedTopics = new Set(reservedTopics)
  }

  /** The grants that apply to this principal, directly or through a group. */
  grantsOf (principal: Principal): PermissionGrant[] {
    return this.#state.list('permission').filter(g => grantApplies(g, principal))
  }

  isAdmin (principal: Principal): boolean {
    if (isSuperuserKind(principal)) return true
    return this.grantsOf(principal).some(g => g.resource.type === 'cluster' && g.operations.includes('admin'))
  }

  decide (principal: Principal, operation: Operation, resource: Resource): Decision {
    if (resource.type === 'topic' && resource.name !== undefined && this.#reservedTopics.has(resource.name) && operation !== 'describe') {
      return { allowed: false, reason: `topic ${resource.name} holds the gateway's shared state; it cannot be written, read or administered through the gateway` }
    }
    if (isSuperuserKind(principal)) return { allowed: true, reason: `${principal.kind} may do everything` }
    // Superuser grants are read from the state, so they need it loaded.
    this.#state.assertReady()
    const grants = this.grantsOf(principal)
    const superGrant = grants.find(g => g.resource.type === 'cluster' && g.operations.includes('admin'))
    if (superGrant) return { allowed: true, reason: `permission ${superGrant.id} (admin on the cluster)` }
    const grant = grants.find(g => operationCovered(g.operations, operation) && resourceCovered(g.resource, resource))
    if (grant) return { allowed: true, reason: `permission ${grant.id}` }
    if (resource.type === 'access-point' && operation === 'produce' && resource.name !== undefined) {
      const accessPoint = this.#state.get('access-point', resource.name)
      if (accessPoint?.allowedPrincipals.includes(principal.id)) return { allowed: true, reason: `listed in the allowed principals of access point ${accessPoint.id}` }
    }
    return {
      allowed: false,
      reason: `principal ${principal.id} may not ${operation} on ${describeResource(resource)}; ask an administrator for a permission`,
    }
  }

  /** Throws forbidden (each dialect renders its own 403) when the decision is a denial. */
  authorize (principal: Principal, operation: Operation, resource: Resource): Decision {
    const decision = this.decide(principal, operation, resource)
    if (!decision.allowed) throw new GatewayError('forbidden', decision.reason)
    return decision
  }
}
