/**
 * Token buckets per principal and per access point (issue 4 "How much").
 * A request is admitted only when every bucket it touches has room for its
 * whole cost, and then takes from all of them at once: a refused request
 * takes nothing, and the check runs before anything is written, so a 429
 * never leaves part of a batch in Kafka.
 *
 * Buckets live in this process: with N gateway instances behind a load
 * balancer, a principal can reach N times its limit (docs/security.md).
 */
import { GatewayError } from '../errors.ts'

/** Per-second rates; absent or 0 means unlimited. */
export interface RateLimits {
  requestsPerSecond?: number
  recordsPerSecond?: number
  bytesPerSecond?: number
}

export interface RateCost {
  requests?: number
  records?: number
  bytes?: number
}

type Dimension = 'requests' | 'records' | 'bytes'
const DIMENSIONS: Dimension[] = ['requests', 'records', 'bytes']

interface Bucket {
  rate: number
  tokens: number
  updatedAt: number
  usedAt: number
}

/** Buckets unused for this long are forgotten (they would be full anyway). */
const IDLE_MS = 60_000
const SWEEP_EVERY = 1000

function rateOf (limits: RateLimits, dimension: Dimension): number {
  const rate = dimension === 'requests' ? limits.requestsPerSecond : dimension === 'records' ? limits.recordsPerSecond : limits.bytesPerSecond
  return rate !== undefined && rate > 0 ? rate : 0
}

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>()
  readonly #now: () => number
  #admitted = 0

  constructor (now: () => number = Date.now) {
    this.#now = now
  }

  /**
   * Admits `cost` against the buckets of `key` or throws: rate_limited (429,
   * with the seconds until it would fit) or request_over_limit (413, when
   * the request alone is more than one second of the limit and can never fit).
   * `subject` names the limited party in messages, e.g. "access point datahub-…".
   */
  admit (key: string, limits: RateLimits, cost: RateCost, subject: string): void {
    const now = this.#now()
    const touched: Array<{ bucket: Bucket, amount: number }> = []
    let waitSeconds = 0
    let blocking = ''
    for (const dimension of DIMENSIONS) {
      const rate = rateOf(limits, dimension)
      const amount = cost[dimension] ?? 0
      if (rate === 0 || amount === 0) continue
      if (amount > rate) {
        throw new GatewayError('request_over_limit', `this request carries ${amount} ${dimension} but ${subject} allows ${rate} ${dimension} per second; split it into smaller requests`)
      }
      const bucket = this.#bucket(`${key}\u0000${dimension}`, rate, now)
      if (bucket.tokens < amount) {
        const wait = Math.ceil((amount - bucket.tokens) / rate)
        if (wait > waitSeconds) { waitSeconds = wait; blocking = `${rate} ${dimension} per second` }
      }
      touched.push({ bucket, amount })
    }
    if (waitSeconds > 0) {
      throw new GatewayError('rate_limited', `${subject} is over its limit of ${blocking} on this gateway instance; retry in ${waitSeconds} s`, { retryAfterSeconds: waitSeconds })
    }
    for (const { bucket, amount } of touched) {
      bucket.tokens -= amount
      bucket.usedAt = now
    }
    if (++this.#admitted % SWEEP_EVERY === 0) this.#sweep(now)
  }

  /** Forgets the buckets of a key, e.g. when an access point is deleted. */
  forget (key: string): void {
    for (const dimension of DIMENSIONS) this.#buckets.delete(`${key}\u0000${dimension}`)
  }

  get size (): number { return this.#buckets.size }

  #bucket (id: string, rate: number, now: number): Bucket {
    let bucket = this.#buckets.get(id)
    if (!bucket) {
      // A new bucket starts full: one second's worth of burst.
      bucket = { rate, tokens: rate, updatedAt: now, usedAt: now }
      this.#buckets.set(id, bucket)
      return bucket
    }
    if (bucket.rate !== rate) {
      // The limit changed (access point updated): keep the fill ratio under the new rate.
      bucket.tokens = (bucket.tokens / bucket.rate) * rate
      bucket.rate = rate
    }
    const elapsed = Math.max(0, now - bucket.updatedAt) / 1000
    bucket.tokens = Math.min(rate, bucket.tokens + elapsed * rate)
    bucket.updatedAt = now
    return bucket
  }

  #sweep (now: number): void {
    for (const [id, bucket] of this.#buckets) if (now - bucket.usedAt > IDLE_MS) this.#buckets.delete(id)
  }
}
