/**
 * The message query actions name a CKafka instance (`InstanceId`). This
 * gateway serves one Kafka cluster; its id (the `clusterId` of
 * GET /gateway/v1/cluster) names it, and so does any id listed in
 * GATEWAY_TENCENT_INSTANCE_IDS, so scripts written for a `ckafka-…`
 * instance keep working unchanged. The cluster id is cached: it never
 * changes for a cluster, and a metadata round trip per query would be waste.
 */
import type { AdminPort } from '../../core/ports.ts'
import { TencentError } from './errors.ts'

const CACHE_MS = 60_000

export class InstanceIds {
  readonly #admin: AdminPort
  readonly #aliases: ReadonlySet<string>
  #cached: { id: string, until: number } | null = null

  constructor (admin: AdminPort, aliases: readonly string[]) {
    this.#admin = admin
    this.#aliases = new Set(aliases)
  }

  async clusterId (): Promise<string> {
    if (this.#cached && this.#cached.until > Date.now()) return this.#cached.id
    const { clusterId } = await this.#admin.cluster()
    this.#cached = { id: clusterId, until: Date.now() + CACHE_MS }
    return clusterId
  }

  /** Resolves when `instanceId` names this gateway's cluster; ResourceNotFound otherwise. */
  async check (instanceId: string, parameter = 'InstanceId'): Promise<void> {
    if (this.#aliases.has(instanceId)) return
    const clusterId = await this.clusterId()
    if (instanceId === clusterId) return
    const aliases = this.#aliases.size > 0 ? ` or one of ${[...this.#aliases].join(', ')}` : ''
    throw new TencentError('ResourceNotFound', `${parameter} ${instanceId} is not an instance of this gateway; use the Kafka cluster id ${clusterId}${aliases}`)
  }
}
