/**
 * Messages through an access point (issue 4): the checks of the access
 * point, then the ordinary produce use-case, so every produce rule applies
 * too. Every check runs before anything is written: a paused access point,
 * an oversized message, a schema violation or a rate limit refuses the
 * whole request and nothing of it reaches Kafka.
 */
import { GatewayError } from '../errors.ts'
import type { ProduceRecord, ProduceResult } from '../model.ts'
import { recordSize, type ProduceService } from '../produce.ts'
import type { AccessPointService } from './access-points.ts'
import type { Authorizer } from './authorizer.ts'
import type { AccessPoint } from './entries.ts'
import type { Principal } from './principal.ts'
import type { RateLimiter } from './rate-limiter.ts'

export interface IngestResult {
  accessPoint: AccessPoint
  results: ProduceResult[]
  /** When the gateway took the request (ms), e.g. for Tencent's MessageId (contracts.md §1 SendMessage). */
  receivedAt: number
}

export function accessPointLimiterKey (id: string): string {
  return `access-point:${id}`
}

export class AccessPointIngest {
  readonly #accessPoints: AccessPointService
  readonly #authorizer: Authorizer
  readonly #limiter: RateLimiter
  readonly #produce: ProduceService

  constructor (accessPoints: AccessPointService, authorizer: Authorizer, limiter: RateLimiter, produce: ProduceService) {
    this.#accessPoints = accessPoints
    this.#authorizer = authorizer
    this.#limiter = limiter
    this.#produce = produce
  }

  async ingest (id: string, principal: Principal, records: ProduceRecord[]): Promise<IngestResult> {
    const receivedAt = Date.now()
    this.#authorizer.authorize(principal, 'produce', { type: 'access-point', name: id })
    const accessPoint = this.#accessPoints.get(id)
    // The seed's exact message (seeds 000/001, contracts.md §1 SendMessage).
    if (accessPoint.status === 'paused') throw new GatewayError('access_point_paused', `task status suspended [${id}]`)
    if (records.length === 0) throw new GatewayError('invalid_request', 'records must hold at least one record', { field: 'records' })

    const check = this.#accessPoints.messageCheck(accessPoint)
    const maxBytes = accessPoint.limits.maxMessageBytes
    let bytes = 0
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!
      const size = recordSize(record)
      if (maxBytes !== undefined && size > maxBytes) {
        throw new GatewayError('record_too_large', `records[${i}] is ${size} bytes; access point ${id} accepts at most ${maxBytes} bytes per message`, { field: `records[${i}]` })
      }
      check?.(record.value, `records[${i}].value`)
      bytes += size
    }
    this.#limiter.admit(accessPointLimiterKey(id), accessPoint.limits, { records: records.length, bytes }, `access point ${id}`)
    return { accessPoint, results: await this.#produce.produce(accessPoint.topic, records), receivedAt }
  }
}
