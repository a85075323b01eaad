/**
 * Scenario 5: latency of one-record produces at a fixed rate of half the
 * gateway's measured maximum (scenario 1), for the gateway over HTTP and for
 * the direct client at the same rate, both paced evenly (open loop). Target: the gateway adds at most 5 ms
 * to the direct client's p99.
 */
import type { BenchContext } from '../lib/context.ts'
import { PARTITIONS } from '../lib/broker.ts'
import type { PacedHttpOptions, PacedHttpResult } from '../lib/paced-http.ts'
import { produceBody } from '../lib/payloads.ts'
import { runClient, runDirect } from '../lib/processes.ts'
import type { ResultRow } from '../lib/results.ts'
import { median, medianRun, type LatencySummary } from '../lib/stats.ts'
import { producePath, type DirectProduceResult } from './produce.ts'

const SCENARIO = '5. latency at half the maximum rate'
const MAX_ADDED_P99_MS = 5

export async function latencyAtHalfLoad (ctx: BenchContext): Promise<void> {
  const loads = ctx.options.loads
  const gateway = await ctx.gateway()
  const topic = await ctx.broker.createTopic('latency-gw')
  const directTopic = await ctx.broker.createTopic('latency-direct')
  const body = produceBody(1)
  const load = { url: gateway.url + producePath(topic), method: 'POST' as const, body, connections: loads.singleConnections }

  let maximum = ctx.measured.singleRequestsPerSecond
  if (maximum === undefined) {
    maximum = (await ctx.httpLoad('latency: maximum', { ...load, durationSeconds: loads.durationSeconds })).requestsPerSecond
  }
  const rate = Math.max(1, Math.round(maximum / 2))
  ctx.log(`  fixed rate: ${rate} requests/s (half of ${Math.round(maximum)})`)

  const gatewayRuns: LatencySummary[] = []
  const directRuns: LatencySummary[] = []
  const paced = { url: load.url, body, rate, connections: load.connections }
  // The HTTP load runs in its own process, like the direct client it is compared with.
  const runPacedHttp = (options: PacedHttpOptions): Promise<PacedHttpResult> => runClient<PacedHttpResult>('http/paced.ts', options)
  await runPacedHttp({ ...paced, durationSeconds: loads.warmupSeconds })
  for (let repeat = 0; repeat < loads.latencyRepeats; repeat++) {
    const http = await runPacedHttp({ ...paced, durationSeconds: loads.latencySeconds, warmupSeconds: loads.warmupSeconds })
    if (http.failed > 0 || http.ok === 0) ctx.problems.push(`latency gateway: ${http.ok} ok, ${http.failed} failed`)
    gatewayRuns.push(http.latency)
    const direct = await runDirect<DirectProduceResult>('produce.ts', {
      bootstrap: ctx.broker.bootstrap, topic: directTopic, partitions: PARTITIONS,
      batch: 1, concurrency: 1, rate, linger: true, durationSeconds: loads.latencySeconds, warmupSeconds: loads.warmupSeconds,
    })
    directRuns.push(direct.latency)
    ctx.log(`  latency #${repeat + 1}: gateway p99 ${http.latency.p99.toFixed(2)} ms (${Math.round(http.requestsPerSecond)} req/s), direct p99 ${direct.latency.p99.toFixed(2)} ms`)
  }
  const percentiles = [['p50', 'p50'], ['p99', 'p99'], ['p99.9', 'p999']] as const
  for (const [label, key] of percentiles) {
    const gatewayMs = median(gatewayRuns.map(r => r[key]))
    const directMs = median(directRuns.map(r => r[key]))
    const row: ResultRow = {
      scenario: `${SCENARIO} (${rate} req/s)`,
      metric: `${label} latency`,
      unit: 'ms',
      gateway: gatewayMs,
      baseline: directMs,
      baselineName: 'direct client',
      comparison: { kind: 'added', value: gatewayMs - directMs },
      target: key === 'p99' ? { text: `≤ +${MAX_ADDED_P99_MS} ms`, met: gatewayMs - directMs <= MAX_ADDED_P99_MS } : null,
      note: `median of ${gatewayRuns.length} runs of ${loads.latencySeconds} s; worst run ${Math.max(...gatewayRuns.map(r => r[key])).toFixed(1)} vs ${Math.max(...directRuns.map(r => r[key])).toFixed(1)} ms`,
    }
    ctx.rows.push(row)
  }
  ctx.details.latency = { rate, maximum, gateway: gatewayRuns, direct: directRuns, medianGatewayRun: medianRun(gatewayRuns, r => r.p99) }
}
