/**
 * /metrics for the whole gateway when it runs as several worker processes.
 *
 * Each worker counts what it served, and the port hands every scrape to one
 * worker or another: on its own, Prometheus would see each counter jump
 * between the workers' values (reading as resets). So a worker that gets a
 * scrape asks the primary, which collects every worker's registry with
 * prom-client's AggregatorRegistry (counters summed; gauges by the rule each
 * metric declares) and answers with the merged text.
 */
import cluster, { type Worker } from 'node:cluster'
import { AggregatorRegistry, type Registry } from 'prom-client'
import { GatewayError } from '../core/errors.ts'

const ASK = 'gateway:cluster-metrics'
const ANSWER = 'gateway:cluster-metrics-answer'
/** Beyond prom-client's own 5 s wait for every worker. */
const ANSWER_TIMEOUT_MS = 7000

interface Ask { type: typeof ASK, id: number }
interface Answer { type: typeof ANSWER, id: number, text?: string, error?: string }

/** Primary: answers workers' requests for the merged metrics of all workers. */
export function serveClusterMetrics (): void {
  const aggregator = new AggregatorRegistry()
  cluster.on('message', (worker: Worker, message: Partial<Ask>) => {
    if (message?.type !== ASK || typeof message.id !== 'number') return
    const id = message.id
    aggregator.clusterMetrics().then(
      text => worker.send({ type: ANSWER, id, text } satisfies Answer),
      (error: Error) => worker.send({ type: ANSWER, id, error: error.message } satisfies Answer))
  })
}

/**
 * How this process answers /metrics: its own registry when it runs alone,
 * the merged metrics of every worker (through the primary) when it is one.
 */
export function metricsSource (registry: Registry): () => Promise<string> {
  if (!cluster.isWorker || !process.send) return () => registry.metrics()
  // The primary's AggregatorRegistry asks each worker for these registries; the constructor installs that answer.
  AggregatorRegistry.setRegistries([registry])
  void new AggregatorRegistry()
  let nextId = 0
  const waiting = new Map<number, { resolve: (text: string) => void, reject: (error: Error) => void, timer: NodeJS.Timeout }>()
  process.on('message', (message: Partial<Answer>) => {
    if (message?.type !== ANSWER || typeof message.id !== 'number') return
    const pending = waiting.get(message.id)
    if (!pending) return
    waiting.delete(message.id)
    clearTimeout(pending.timer)
    if (message.error !== undefined || message.text === undefined) pending.reject(unavailable(message.error ?? 'no answer'))
    else pending.resolve(message.text)
  })
  return () => new Promise((resolve, reject) => {
    const id = nextId++
    const timer = setTimeout(() => { waiting.delete(id); reject(unavailable('the primary did not answer')) }, ANSWER_TIMEOUT_MS)
    waiting.set(id, { resolve, reject, timer })
    process.send!({ type: ASK, id } satisfies Ask)
  })
}

function unavailable (why: string): GatewayError {
  return new GatewayError('metrics_unavailable', `the metrics of all workers could not be collected (${why}); retry the scrape`, { retryAfterSeconds: 1 })
}
