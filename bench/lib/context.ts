/**
 * What the scenarios of one run share: the broker, the gateway and bare
 * Fastify processes (started once, by worker count, and reused), the rows of
 * the results table and the raw numbers behind them.
 */
import type { BenchBroker } from './broker.ts'
import { runHttpLoad, type HttpLoadOptions, type HttpLoadResult } from './http-load.ts'
import type { BenchOptions } from './options.ts'
import { startBareServer, startGateway, type GatewayOptions, type ServerProcess } from './processes.ts'
import type { ResultRow } from './results.ts'

/** How a gateway is started besides its worker count (default: as `npm start` runs it). */
export type GatewayVariant = Pick<GatewayOptions, 'formerDefault'>

export class BenchContext {
  readonly options: BenchOptions
  readonly broker: BenchBroker
  readonly log: (line: string) => void
  readonly rows: ResultRow[] = []
  readonly details: Record<string, unknown> = {}
  /** Errors seen under load where none should be (a smoke run fails on any). */
  readonly problems: string[] = []
  /** Shared between scenarios: the latency scenario runs at half of what produce-single measured. */
  readonly measured: { singleRequestsPerSecond?: number } = {}
  readonly #gateways = new Map<number, Promise<ServerProcess>>()
  readonly #bare = new Map<number, Promise<ServerProcess>>()

  constructor (options: BenchOptions, broker: BenchBroker, log: (line: string) => void) {
    this.options = options
    this.broker = broker
    this.log = log
  }

  gateway (workers = this.options.workers, variant: GatewayVariant = {}): Promise<ServerProcess> {
    let started = this.#gateways.get(workers)
    if (!started) {
      const profile = this.options.profileDir
      started = startGateway({
        bootstrap: this.broker.bootstrap,
        workers,
        ...variant,
        nodeOptions: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}/workers-${workers}`] : [],
      })
      this.#gateways.set(workers, started)
    }
    return started
  }

  /** Stops a gateway so the next call starts a fresh one (memory is measured from a clean start), as `variant` says. */
  async restartGateway (workers = this.options.workers, variant: GatewayVariant = {}): Promise<ServerProcess> {
    await this.stopGateway(workers)
    return this.gateway(workers, variant)
  }

  /** Stops the gateway with this many workers, if one runs. */
  async stopGateway (workers: number): Promise<void> {
    const running = this.#gateways.get(workers)
    this.#gateways.delete(workers)
    if (running) await (await running).stop()
  }

  bare (workers = this.options.workers): Promise<ServerProcess> {
    let started = this.#bare.get(workers)
    if (!started) { started = startBareServer(workers); this.#bare.set(workers, started) }
    return started
  }

  /** HTTP load that must succeed throughout: non-2xx answers and connection errors are problems. */
  async httpLoad (label: string, options: HttpLoadOptions): Promise<HttpLoadResult> {
    const result = await runHttpLoad(options)
    if (result.ok === 0 || result.non2xx > 0 || result.errors > 0) {
      this.problems.push(`${label}: ${result.ok} ok, ${result.non2xx} non-2xx, ${result.errors} connection errors (statuses ${JSON.stringify(result.statusCounts)})`)
    }
    return result
  }

  /** The worker counts to compare for scaling: 1 and the configured count (when different). */
  get workerCounts (): number[] {
    // A smoke run only shows that things work; scaling needs no second gateway there.
    return this.options.workers === 1 || this.options.smoke ? [this.options.workers] : [this.options.workers, 1]
  }

  async close (): Promise<void> {
    const all = [...this.#gateways.values(), ...this.#bare.values()]
    this.#gateways.clear()
    this.#bare.clear()
    await Promise.allSettled(all.map(async started => (await started).stop()))
  }
}
