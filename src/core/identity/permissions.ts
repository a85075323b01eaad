/**
 * Granting and revoking permissions (issue 4 "What they may do"). The rules
 * that give a grant its meaning live in authorizer.ts.
 */
import { randomBytes } from 'node:crypto'
import { GatewayError } from '../errors.ts'
import { checkPermissionResource, type PermissionGrant, type PermissionResource } from './entries.ts'
import type { Operation } from './principal.ts'
import type { SharedState } from './shared-state.ts'

export interface PermissionInput {
  principal?: string
  group?: string
  operations: Operation[]
  resource: PermissionResource
}

export class PermissionService {
  readonly #state: SharedState

  constructor (state: SharedState) {
    this.#state = state
  }

  async grant (input: PermissionInput): Promise<PermissionGrant> {
    if ((input.principal === undefined) === (input.group === undefined)) {
      throw new GatewayError('invalid_request', 'name exactly one of principal (one caller) or group (every caller whose token carries the group)', { field: input.principal === undefined ? 'principal' : 'group' })
    }
    if (input.operations.length === 0) throw new GatewayError('invalid_request', 'operations must list at least one of produce, consume, describe, admin', { field: 'operations' })
    const problem = checkPermissionResource(input.resource)
    if (problem) throw new GatewayError('invalid_request', problem, { field: 'resource' })
    const grant: PermissionGrant = {
      id: `perm-${randomBytes(6).toString('hex')}`,
      ...(input.principal !== undefined ? { principal: input.principal } : { group: input.group as string }),
      operations: [...new Set(input.operations)],
      resource: { type: input.resource.type, ...(input.resource.name !== undefined ? { name: input.resource.name } : {}), ...(input.resource.prefix !== undefined ? { prefix: input.resource.prefix } : {}) },
      createdAt: new Date().toISOString(),
    }
    await this.#state.put('permission', grant)
    return grant
  }

  list (): PermissionGrant[] {
    this.#state.assertReady()
    return this.#state.list('permission')
  }

  async revoke (id: string): Promise<void> {
    this.#state.assertReady()
    if (!this.#state.get('permission', id)) throw new GatewayError('permission_not_found', `permission ${id} does not exist; list them with GET /gateway/v1/permissions`)
    await this.#state.remove('permission', id)
  }
}
