/**
 * Every v3 path names the cluster (`/v3/clusters/{cluster_id}/…`); this
 * checks it against the one Kafka cluster behind the gateway and builds
 * the links of the answer. The id is cached: it never changes for a
 * cluster, and a metadata round trip per produce would be waste.
 */
import type { FastifyRequest } from 'fastify'
import { GatewayError } from '../../core/errors.ts'
import type { Gateway } from '../../core/gateway.ts'
import { publicBaseUrl } from '../shared/public-url.ts'
import { V3Links } from './resources.ts'

const CACHE_MS = 60_000

export class ClusterContext {
  readonly #gateway: Gateway
  readonly #advertisedUrl: string
  #cached: { id: string, until: number } | null = null

  constructor (gateway: Gateway, advertisedUrl: string) {
    this.#gateway = gateway
    this.#advertisedUrl = advertisedUrl
  }

  async clusterId (): Promise<string> {
    if (this.#cached && this.#cached.until > Date.now()) return this.#cached.id
    const { clusterId } = await this.#gateway.admin.cluster()
    this.#cached = { id: clusterId, until: Date.now() + CACHE_MS }
    return clusterId
  }

  /** Links for the request's cluster; 404 when the path names another cluster. */
  async links (request: FastifyRequest, clusterId: string): Promise<V3Links> {
    const actual = await this.clusterId()
    if (clusterId !== actual) {
      throw new GatewayError('cluster_not_found', `Cluster ${clusterId} cannot be found; this gateway serves cluster ${actual} (GET /v3/clusters lists it)`, { field: 'cluster_id' })
    }
    return new V3Links(publicBaseUrl(request, this.#advertisedUrl), actual)
  }

  linksOf (request: FastifyRequest, clusterId: string): V3Links {
    return new V3Links(publicBaseUrl(request, this.#advertisedUrl), clusterId)
  }
}
