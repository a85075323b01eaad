/**
 * Identity, permissions, limits and access points as one object of the core
 * (issue 4), built once per gateway and handed to every dialect through the
 * Gateway. Dialects that check their own signatures (Tencent TC3, NAVER NCP)
 * use `credentials.resolveSecret`, then `authorizer`, `admitRequest` and
 * `ingest` like the native dialect does.
 */
import type { AdminPort } from '../ports.ts'
import type { ProduceService } from '../produce.ts'
import { AccessPointService } from './access-points.ts'
import { Authorizer } from './authorizer.ts'
import { CredentialService, NO_MASTER_KEY, type CredentialKeysPort } from './credentials.ts'
import type { PermissionGrant } from './entries.ts'
import { AccessPointIngest } from './ingest.ts'
import { MemoryStateStore } from './memory-state-store.ts'
import { PermissionService } from './permissions.ts'
import type { Principal, PrincipalKind } from './principal.ts'
import { RateLimiter, type RateLimits } from './rate-limiter.ts'
import { NO_DECLARED_STATE, SharedState, type DeclaredState, type StateLog } from './shared-state.ts'
import type { StateStorePort } from './state-port.ts'

export type AuthMode = 'none' | 'required'

export interface IdentitySettings {
  mode: AuthMode
  /** The state topic: reserved, nobody produces to or reads it through the gateway. */
  stateTopic: string
  /** Per-principal limits of every request, on this instance. */
  principalLimits: RateLimits
}

export interface IdentityDeps {
  admin: AdminPort
  produce: ProduceService
  /** Where the shared state lives; an in-process store when absent (one instance, not persisted). */
  stateStore?: StateStorePort
  credentialKeys?: CredentialKeysPort
  declared?: DeclaredState
  log?: StateLog
  now?: () => number
}

export interface Whoami {
  principal: string
  kind: PrincipalKind
  groups: string[]
  admin: boolean
  permissions: PermissionGrant[]
}

export class Identity {
  readonly mode: AuthMode
  readonly state: SharedState
  readonly credentials: CredentialService
  readonly permissions: PermissionService
  readonly authorizer: Authorizer
  readonly limiter: RateLimiter
  readonly accessPoints: AccessPointService
  readonly ingest: AccessPointIngest
  readonly #principalLimits: RateLimits

  constructor (settings: IdentitySettings, deps: IdentityDeps) {
    this.mode = settings.mode
    this.#principalLimits = settings.principalLimits
    this.state = new SharedState(deps.stateStore ?? new MemoryStateStore(), deps.declared ?? NO_DECLARED_STATE, deps.log)
    this.credentials = new CredentialService(this.state, deps.credentialKeys ?? NO_MASTER_KEY)
    this.permissions = new PermissionService(this.state)
    this.authorizer = new Authorizer(this.state, [settings.stateTopic])
    this.limiter = new RateLimiter(deps.now)
    this.accessPoints = new AccessPointService(this.state, deps.admin, this.authorizer, [settings.stateTopic])
    this.ingest = new AccessPointIngest(this.accessPoints, this.authorizer, this.limiter, deps.produce)
  }

  /**
   * Takes one request of `bytes` from the principal's buckets or throws 429.
   * The admin token is never limited, so an operator cannot be locked out.
   */
  admitRequest (principal: Principal, bytes: number): void {
    if (principal.kind === 'admin-token') return
    this.limiter.admit(`principal:${principal.id}`, { requestsPerSecond: this.#principalLimits.requestsPerSecond, bytesPerSecond: this.#principalLimits.bytesPerSecond }, { requests: 1, bytes }, `principal ${principal.id}`)
  }

  whoami (principal: Principal): Whoami {
    const superuser = principal.kind === 'admin-token' || principal.kind === 'anonymous'
    if (!superuser) this.state.assertReady()
    return {
      principal: principal.id,
      kind: principal.kind,
      groups: [...principal.groups],
      admin: this.authorizer.isAdmin(principal),
      permissions: superuser && !this.state.ready ? [] : this.authorizer.grantsOf(principal),
    }
  }
}
