/**
 * ACL administration over the admin client (Confluent v3 `/acls`,
 * contracts.md §4). Kafka answers SECURITY_DISABLED when the broker has no
 * authorizer; that becomes a clear 503 not_configured.
 */
import { AclOperations, AclPermissionTypes, ResourcePatternTypes, ResourceTypes, type Admin } from '@platformatic/kafka'
import { GatewayError } from '../core/errors.ts'
import type { AclBinding, AclFilter } from '../core/model.ts'
import type { AclPort } from '../core/ports.ts'
import { kafkaErrorIds, mapKafkaError } from './errors.ts'
import type { KafkaHealth } from './health.ts'

type Named<T extends Record<string, number>> = { [K in keyof T]: T[K] }

function nameOf<T extends Record<string, number>> (table: Named<T>, value: number): keyof T {
  const found = Object.entries(table).find(([, v]) => v === value)
  return (found?.[0] ?? 'UNKNOWN') as keyof T
}

function toBinding (target: { resourceType: number, resourceName: string, resourcePatternType: number }, acl: { principal: string, host: string, operation: number, permissionType: number }): AclBinding {
  return {
    resourceType: nameOf(ResourceTypes, target.resourceType) as AclBinding['resourceType'],
    resourceName: target.resourceName,
    patternType: nameOf(ResourcePatternTypes, target.resourcePatternType) as AclBinding['patternType'],
    principal: acl.principal,
    host: acl.host,
    operation: nameOf(AclOperations, acl.operation) as AclBinding['operation'],
    permission: nameOf(AclPermissionTypes, acl.permissionType) as AclBinding['permission'],
  }
}

function toKafkaFilter (filter: AclFilter) {
  return {
    resourceType: ResourceTypes[filter.resourceType],
    resourceName: filter.resourceName,
    resourcePatternType: ResourcePatternTypes[filter.patternType],
    principal: filter.principal,
    host: filter.host,
    operation: AclOperations[filter.operation],
    permissionType: AclPermissionTypes[filter.permission],
  }
}

export class KafkaAcls implements AclPort {
  readonly #admin: Admin
  readonly #health: KafkaHealth

  constructor (admin: Admin, health: KafkaHealth) {
    this.#admin = admin
    this.#health = health
  }

  #call<T> (action: string, work: () => Promise<T>): Promise<T> {
    return this.#health.call(work, error => kafkaErrorIds(error).includes('SECURITY_DISABLED')
      ? new GatewayError('not_configured', 'the Kafka cluster has no authorizer, so it keeps no ACLs; enable one on the brokers (authorizer.class.name) to manage ACLs', { kafkaCode: 'SECURITY_DISABLED', cause: error })
      : mapKafkaError(error, { action }))
  }

  async describe (filter: AclFilter): Promise<AclBinding[]> {
    const resources = await this.#call('list ACLs', () => this.#admin.describeAcls({ filter: toKafkaFilter(filter) }))
    return resources.flatMap(resource => resource.acls.map(acl => toBinding(resource, acl)))
  }

  async create (bindings: AclBinding[]): Promise<void> {
    await this.#call('create ACLs', () => this.#admin.createAcls({
      creations: bindings.map(b => ({
        resourceType: ResourceTypes[b.resourceType],
        resourceName: b.resourceName,
        resourcePatternType: ResourcePatternTypes[b.patternType],
        principal: b.principal,
        host: b.host,
        operation: AclOperations[b.operation],
        permissionType: AclPermissionTypes[b.permission],
      })),
    }))
  }

  async delete (filter: AclFilter): Promise<AclBinding[]> {
    const deleted = await this.#call('delete ACLs', () => this.#admin.deleteAcls({ filters: [toKafkaFilter(filter)] }))
    return deleted.map(acl => toBinding(acl, acl))
  }
}
