/**
 * A fixed set of fetch "lanes", each its own Kafka consumer with its own
 * connections. A broker answers one request per connection at a time, so a
 * long-poll must not sit in front of other fetches: each fetch takes a lane
 * for one poll slice and gives it back. Waiters queue FIFO, and the queue is
 * bounded so overload turns into 503s rather than memory.
 */
import { Consumer } from '@platformatic/kafka'
import { GatewayError } from '../core/errors.ts'

export class FetchLanes {
  readonly #free: Consumer[]
  readonly #all: Consumer[]
  readonly #waiters: Array<(lane: Consumer) => void> = []
  readonly #maxQueue: number

  constructor (createLane: (index: number) => Consumer, count: number, maxQueue: number) {
    this.#all = Array.from({ length: count }, (_, i) => createLane(i))
    this.#free = [...this.#all]
    this.#maxQueue = maxQueue
  }

  get waiting (): number { return this.#waiters.length }

  async use<T> (work: (lane: Consumer) => Promise<T>): Promise<T> {
    const lane = await this.#acquire()
    try {
      return await work(lane)
    } finally {
      this.#release(lane)
    }
  }

  #acquire (): Promise<Consumer> {
    const lane = this.#free.pop()
    if (lane) return Promise.resolve(lane)
    if (this.#waiters.length >= this.#maxQueue) {
      return Promise.reject(new GatewayError('overloaded', `${this.#waiters.length} fetches are already waiting for Kafka; retry shortly`, { retryAfterSeconds: 1 }))
    }
    return new Promise(resolve => this.#waiters.push(resolve))
  }

  #release (lane: Consumer): void {
    const waiter = this.#waiters.shift()
    if (waiter) waiter(lane)
    else this.#free.push(lane)
  }

  async close (): Promise<void> {
    await Promise.allSettled(this.#all.map(lane => lane.close(true)))
  }
}
