/**
 * Tracks whether the cluster is reachable. After a network failure, produces
 * fail fast with 503 instead of queueing (memory stays flat during an
 * outage) while a background probe checks once a second for the way back.
 */
import { GatewayError } from '../core/errors.ts'
import { isNetworkFailure } from './errors.ts'

export class KafkaHealth {
  #unavailableSince: number | null = null
  #probeTimer: NodeJS.Timeout | null = null
  readonly #probe: () => Promise<void>
  readonly #probeIntervalMs: number
  #closed = false

  constructor (probe: () => Promise<void>, probeIntervalMs = 1000) {
    this.#probe = probe
    this.#probeIntervalMs = probeIntervalMs
  }

  get available (): boolean { return this.#unavailableSince === null }

  /** Throws the 503 a caller should get while Kafka is known to be down. */
  assertAvailable (): void {
    if (this.#unavailableSince !== null) {
      const seconds = Math.ceil((Date.now() - this.#unavailableSince) / 1000)
      throw new GatewayError('kafka_unavailable', `Kafka has been unreachable for ${seconds}s; retry shortly`, { retryAfterSeconds: 2 })
    }
  }

  observe (error: unknown): void {
    if (this.#closed || !isNetworkFailure(error) || this.#unavailableSince !== null) return
    this.#unavailableSince = Date.now()
    this.#scheduleProbe()
  }

  /** Runs one Kafka operation, noting whether the cluster answered; a failure is rethrown as `toError` makes it. */
  async call<T> (work: () => Promise<T>, toError: (error: unknown) => Error): Promise<T> {
    try {
      const result = await work()
      this.markAvailable()
      return result
    } catch (error) {
      this.observe(error)
      throw toError(error)
    }
  }

  markAvailable (): void {
    this.#unavailableSince = null
  }

  #scheduleProbe (): void {
    if (this.#probeTimer || this.#closed) return
    this.#probeTimer = setTimeout(() => {
      this.#probeTimer = null
      this.#probe().then(() => this.markAvailable(), () => this.#scheduleProbe())
    }, this.#probeIntervalMs)
    this.#probeTimer.unref()
  }

  close (): void {
    this.#closed = true
    if (this.#probeTimer) clearTimeout(this.#probeTimer)
  }
}
