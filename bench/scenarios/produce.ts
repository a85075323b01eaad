/**
 * Scenarios 1 and 2: produce with one 1 KiB record per request (against the
 * bare Fastify ceiling, target ≥ 40%) and with 100 records per request
 * (against the direct client, target ≥ 70%), each also measured with one
 * worker to report scaling. Sides alternate within every repeat so noise
 * from the shared machine spreads over all of them.
 */
import type { BenchContext } from '../lib/context.ts'
import type { HttpLoadResult } from '../lib/http-load.ts'
import { PARTITIONS } from '../lib/broker.ts'
import { PRODUCE_QUERY, produceBody } from '../lib/payloads.ts'
import { cpuSecondsOfTree, runDirect } from '../lib/processes.ts'
import { ratioRow } from '../lib/results.ts'
import { median, medianRun, type LatencySummary } from '../lib/stats.ts'

export interface DirectProduceResult {
  recordsPerSecond: number
  sendsPerSecond: number
  errors: number
  latency: LatencySummary
}

export function producePath (topic: string): string {
  return `/gateway/v1/topics/${topic}/records${PRODUCE_QUERY}`
}

type MeasuredRun = HttpLoadResult & { cpuMicrosPerRequest: number }

interface ProduceRuns {
  gateway: Record<number, MeasuredRun[]>
  bare: MeasuredRun[]
  direct: DirectProduceResult[]
}

async function measure (ctx: BenchContext, label: string, recordsPerRequest: number, connections: number, withBare: boolean): Promise<ProduceRuns> {
  const loads = ctx.options.loads
  const topic = await ctx.broker.createTopic(`${label}-gw`)
  const directTopic = await ctx.broker.createTopic(`${label}-direct`)
  const body = produceBody(recordsPerRequest)
  const targets: Array<{ name: string, url: string, pid: number, workers?: number }> = []
  if (withBare) {
    const bare = await ctx.bare()
    targets.push({ name: 'bare', url: bare.url, pid: bare.pid })
  }
  for (const workers of ctx.workerCounts) {
    const gateway = await ctx.gateway(workers)
    targets.push({ name: `gateway×${workers}`, url: gateway.url, pid: gateway.pid, workers })
  }

  const runs: ProduceRuns = { gateway: {}, bare: [], direct: [] }
  for (const target of targets) {
    await ctx.httpLoad(`${label} warm-up ${target.name}`, { url: target.url + producePath(topic), method: 'POST', body, connections, durationSeconds: loads.warmupSeconds })
  }
  for (let repeat = 0; repeat < loads.repeats; repeat++) {
    for (const target of targets) {
      const cpuBefore = cpuSecondsOfTree(target.pid)
      const result = await ctx.httpLoad(`${label} ${target.name}`, { url: target.url + producePath(topic), method: 'POST', body, connections, durationSeconds: loads.durationSeconds })
      // Server CPU per request: a steadier number than throughput on a shared machine.
      const cpuMicrosPerRequest = (cpuSecondsOfTree(target.pid) - cpuBefore) / Math.max(1, result.ok) * 1e6
      const run = { ...result, cpuMicrosPerRequest }
      if (target.workers === undefined) runs.bare.push(run)
      else (runs.gateway[target.workers] ??= []).push(run)
      ctx.log(`  ${label} #${repeat + 1} ${target.name}: ${Math.round(result.requestsPerSecond * recordsPerRequest)} records/s, p99 ${result.latency.p99.toFixed(1)} ms, server CPU ${cpuMicrosPerRequest.toFixed(0)} µs/request`)
    }
    const direct = await runDirect<DirectProduceResult>('produce.ts', {
      bootstrap: ctx.broker.bootstrap, topic: directTopic, partitions: PARTITIONS,
      batch: recordsPerRequest, concurrency: connections, linger: recordsPerRequest === 1,
      durationSeconds: loads.durationSeconds, warmupSeconds: loads.warmupSeconds,
    })
    if (direct.errors > 0) ctx.problems.push(`${label} direct client: ${direct.errors} failed sends`)
    runs.direct.push(direct)
    ctx.log(`  ${label} #${repeat + 1} direct: ${Math.round(direct.recordsPerSecond)} records/s, p99 ${direct.latency.p99.toFixed(1)} ms`)
  }
  return runs
}

const requestsPerSecond = (runs: HttpLoadResult[] | undefined): number => median((runs ?? []).map(r => r.requestsPerSecond))

function scalingRow (ctx: BenchContext, scenario: string, runs: ProduceRuns, recordsPerRequest: number): void {
  const workers = ctx.options.workers
  if (workers === 1) return
  const row = ratioRow(scenario, `scaling: ${workers} workers vs 1`, 'records/s', requestsPerSecond(runs.gateway[workers]) * recordsPerRequest, requestsPerSecond(runs.gateway[1]) * recordsPerRequest, '1 worker')
  ctx.rows.push(row)
}

export async function produceSingle (ctx: BenchContext): Promise<void> {
  const loads = ctx.options.loads
  const scenario = `1. produce, 1 record/request, ${loads.singleConnections} connections`
  const runs = await measure(ctx, 'single', 1, loads.singleConnections, true)
  const gateway = requestsPerSecond(runs.gateway[ctx.options.workers])
  ctx.measured.singleRequestsPerSecond = gateway
  ctx.rows.push(ratioRow(scenario, 'requests/s vs bare Fastify', 'req/s', gateway, requestsPerSecond(runs.bare), 'bare Fastify', 0.4))
  ctx.rows.push(ratioRow(scenario, 'records/s vs direct client', 'records/s', gateway, median(runs.direct.map(d => d.recordsPerSecond)), 'direct client'))
  scalingRow(ctx, scenario, runs, 1)
  ctx.details['produce-single'] = runs
}

export async function produceBatch (ctx: BenchContext): Promise<void> {
  const loads = ctx.options.loads
  const perRequest = loads.recordsPerBatch
  const scenario = `2. produce, ${perRequest} records/request, ${loads.batchConnections} connections`
  const runs = await measure(ctx, 'batch', perRequest, loads.batchConnections, false)
  const direct = medianRun(runs.direct, d => d.recordsPerSecond)
  ctx.rows.push(ratioRow(scenario, 'records/s vs direct client', 'records/s', requestsPerSecond(runs.gateway[ctx.options.workers]) * perRequest, direct.recordsPerSecond, 'direct client', 0.7))
  scalingRow(ctx, scenario, runs, perRequest)
  ctx.details['produce-batch'] = runs
}
