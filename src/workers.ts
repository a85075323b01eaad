/**
 * Several gateway processes on one port (node:cluster), so one gateway uses
 * every core. The primary only supervises: it holds no Kafka client and
 * serves no request. Each worker is a whole gateway (server.ts) with its own
 * Kafka clients; the primary hands incoming connections to the workers.
 *
 * SIGTERM/SIGINT fan out to the workers, each drains its in-flight requests
 * and flushes its producer; the primary exits when they are gone. A worker
 * that dies while serving is replaced; one that dies before it listens
 * (port taken, bad TLS file…) stops the whole gateway, since a new one would
 * fail the same way.
 */
import cluster, { type Worker } from 'node:cluster'
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import pino from 'pino'
import type { GatewayConfig } from './config/schema.ts'
import { serveClusterMetrics } from './ops/cluster-metrics.ts'

const RESTART_DELAY_MS = 1000
/** Time the primary grants beyond the workers' own shutdown timeout before it kills them. */
const SHUTDOWN_GRACE_MS = 5000

/** `--workers N` wins over GATEWAY_WORKERS; 0 means one per core. */
export function resolveWorkerCount (argv: string[], configured: number): number {
  const { values } = parseArgs({ args: argv, options: { workers: { type: 'string' } }, strict: true })
  let count = configured
  if (values.workers !== undefined) {
    count = Number(values.workers)
    if (!Number.isInteger(count) || count < 0) throw new Error(`--workers must be a whole number ≥ 0 (0 = one per core); got ${values.workers}`)
  }
  return count === 0 ? availableParallelism() : count
}

/**
 * V8 threads per worker for garbage collection and compilation. Node's
 * default is four per process whatever the core count; with one worker per
 * core that is four GC threads per core, and on a busy machine they spin
 * waiting for each other: measured on 2 cores, 2 workers reading 180,000
 * 1 KiB records used 5.0 CPU-seconds with the default and 2.6 with one thread
 * each (1 worker: 2.6), and read 1.7× the records per second. So the cores
 * are shared out: cores / workers threads each, at least one. An explicit
 * --v8-pool-size (command line or NODE_OPTIONS) wins.
 */
export function workerExecArgv (execArgv: readonly string[], nodeOptions: string | undefined, cores: number, workers: number): string[] {
  const explicit = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some(flag => flag.startsWith('--v8-pool-size'))
  if (explicit) return [...execArgv]
  return [...execArgv, `--v8-pool-size=${Math.max(1, Math.floor(cores / workers))}`]
}

export function superviseWorkers (count: number, config: Readonly<GatewayConfig>): void {
  cluster.setupPrimary({ execArgv: workerExecArgv(process.execArgv, process.env.NODE_OPTIONS, availableParallelism(), count) })
  const logger = pino({ level: config.log.level, ...(config.log.pretty ? { transport: { target: 'pino-pretty' } } : {}) })
  const listening = new WeakSet<Worker>()
  let stopping = false
  let worstExitCode = 0

  const fork = (): void => {
    const worker = cluster.fork()
    worker.once('listening', () => listening.add(worker))
  }

  const stopAll = (signal: NodeJS.Signals): void => {
    if (stopping) return
    stopping = true
    logger.info({ signal, workers: Object.keys(cluster.workers ?? {}).length }, 'shutting down the workers')
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
    setTimeout(() => {
      logger.error('workers did not stop within GATEWAY_SHUTDOWN_TIMEOUT_MS; killing them')
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL')
      process.exit(1)
    }, config.http.shutdownTimeoutMs + SHUTDOWN_GRACE_MS).unref()
  }

  cluster.on('exit', (worker, code, signal) => {
    const exitCode = code ?? (signal ? 1 : 0)
    if (stopping) {
      // A worker still starting when the signal came had not installed its
      // own handler yet and held no request: being killed by it is a clean stop.
      const stoppedBeforeServing = !listening.has(worker) && (signal === 'SIGTERM' || signal === 'SIGINT')
      worstExitCode = Math.max(worstExitCode, stoppedBeforeServing ? 0 : exitCode)
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info('all workers stopped')
        process.exit(worstExitCode)
      }
      return
    }
    if (!listening.has(worker)) {
      logger.error({ pid: worker.process.pid, code, signal }, 'a worker failed to start; stopping the gateway')
      worstExitCode = Math.max(1, exitCode)
      stopAll('SIGTERM')
      return
    }
    logger.error({ pid: worker.process.pid, code, signal }, `a worker died; starting a new one in ${RESTART_DELAY_MS} ms`)
    setTimeout(() => { if (!stopping) fork() }, RESTART_DELAY_MS)
  })

  process.on('SIGTERM', () => stopAll('SIGTERM'))
  process.on('SIGINT', () => stopAll('SIGINT'))
  serveClusterMetrics()
  logger.info({ workers: count, pid: process.pid }, 'starting gateway workers')
  for (let i = 0; i < count; i++) fork()
}
