/**
 * Scenario 6: memory. RSS of the gateway (every process: primary and
 * workers) under 1,000 concurrent connections producing, target ≤ 250 MB;
 * then a 30 s broker outage under load: the gateway must answer 503 and its
 * RSS stay flat (no queue growing while Kafka is away), and recover after.
 */
import type { BenchContext } from '../lib/context.ts'
import { runHttpLoad } from '../lib/http-load.ts'
import { produceBody } from '../lib/payloads.ts'
import { sampleRss, type RssSample } from '../lib/processes.ts'
import { notAvailable, type ResultRow } from '../lib/results.ts'
import { producePath } from './produce.ts'

const MB = 1e6
const MAX_RSS_MB = 250
/** "Flat": the peak during the outage stays within this share above the peak under load before it. */
const FLAT_TOLERANCE = 0.1

const peak = (samples: RssSample[], key: 'total' | 'largest'): number => Math.max(...samples.map(s => s[key])) / MB
const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/**
 * V8 flags that trade CPU for memory: a smaller young generation and an old
 * generation capped at ~3× the live heap seen under this load (~60 MB). Not
 * the default (a burst of large in-flight requests could reach the cap);
 * measured to show what a memory-bound deployment can set in NODE_OPTIONS.
 */
export const CAPPED_HEAP_FLAGS = ['--max-semi-space-size=16', '--max-old-space-size=192']

async function manyConnections (ctx: BenchContext, workers: number, nodeOptions: string[] = []): Promise<void> {
  const loads = ctx.options.loads
  const scenario = `6. memory, ${loads.memoryConnections} connections producing`
  const gateway = await ctx.restartGateway(workers, nodeOptions)
  const topic = await ctx.broker.createTopic(`memory-${workers}${nodeOptions.length > 0 ? '-capped' : ''}`)
  const sampler = sampleRss(gateway.pid)
  const idle = peak(sampler.stop(), 'total')
  const loaded = sampleRss(gateway.pid)
  const load = await ctx.httpLoad(`memory ${workers} worker(s)`, { url: gateway.url + producePath(topic), method: 'POST', body: produceBody(1), connections: loads.memoryConnections, durationSeconds: loads.memorySeconds })
  const samples = loaded.stop()
  const total = peak(samples, 'total')
  // The same load on the bare Fastify route with as many processes: what the HTTP stack alone takes.
  let bareTotal: number | null = null
  if (nodeOptions.length === 0) {
    const bare = await ctx.bare(workers)
    const bareSampler = sampleRss(bare.pid)
    await ctx.httpLoad(`memory bare ${workers}`, { url: bare.url + producePath(topic), method: 'POST', body: produceBody(1), connections: loads.memoryConnections, durationSeconds: loads.memorySeconds })
    bareTotal = peak(bareSampler.stop(), 'total')
  }
  const processes = (workers === 1 ? '1 process' : `primary + ${workers} workers`) + (nodeOptions.length > 0 ? ', capped V8 heap' : '')
  ctx.rows.push({
    scenario, metric: `peak RSS, ${processes}`, unit: 'MB', gateway: total, baseline: bareTotal, baselineName: 'bare Fastify',
    comparison: { kind: 'value', value: total }, target: { text: `≤ ${MAX_RSS_MB} MB`, met: total <= MAX_RSS_MB },
    note: `gateway idle ${idle.toFixed(0)} MB, ${Math.round(load.requestsPerSecond)} req/s${nodeOptions.length > 0 ? `, NODE_OPTIONS="${nodeOptions.join(' ')}"` : ''}`,
  })
  if (workers > 1 && nodeOptions.length === 0) {
    const largest = peak(samples, 'largest')
    ctx.rows.push({ scenario, metric: 'peak RSS, largest single process', unit: 'MB', gateway: largest, baseline: null, baselineName: '', comparison: { kind: 'value', value: largest }, target: null })
  }
  ctx.log(`  ${loads.memoryConnections} connections, ${workers} worker(s): idle ${idle.toFixed(0)} MB, peak ${total.toFixed(0)} MB, ${Math.round(load.requestsPerSecond)} req/s; bare Fastify peak ${bareTotal?.toFixed(0) ?? '—'} MB`)
  ;(ctx.details.memory as Record<string, unknown>)[`workers-${workers}${nodeOptions.length > 0 ? '-capped-heap' : ''}`] = { idleMB: idle, peakMB: total, bareFastifyPeakMB: bareTotal, requestsPerSecond: load.requestsPerSecond, statusCounts: load.statusCounts, samples }
}

async function outage (ctx: BenchContext): Promise<void> {
  const loads = ctx.options.loads
  const scenario = `6. memory, ${loads.outageSeconds} s broker outage under load`
  const cluster = ctx.broker.cluster
  if (!cluster) {
    ctx.rows.push(notAvailable(scenario, 'RSS during outage', 'the bench does not own the broker (KAFKA_BOOTSTRAP_SERVERS is set)'))
    return
  }
  const gateway = await ctx.restartGateway()
  const topic = await ctx.broker.createTopic('outage')
  type Phase = 'before' | 'outage' | 'after'
  let phase: Phase = 'before'
  const marks: Record<Phase, number> = { before: 0, outage: 0, after: 0 }
  const statuses: Record<Phase, Record<string, number>> = { before: {}, outage: {}, after: {} }
  const sampler = sampleRss(gateway.pid)
  const started = Date.now()

  const timeline = (async () => {
    // A longer lead-in than tail: the heap should have grown to its working size before the outage starts.
    await sleep(loads.outageMarginSeconds * 2000)
    phase = 'outage'
    marks.outage = Date.now() - started
    await cluster.stopBroker(cluster.brokers[0]!.id)
    ctx.log('  broker stopped')
    await sleep(loads.outageSeconds * 1000)
    await cluster.startBroker(cluster.brokers[0]!.id)
    phase = 'after'
    marks.after = Date.now() - started
    ctx.log('  broker back')
    // Leave the gateway time to notice the broker is back, then measure recovery.
    await sleep(loads.outageMarginSeconds * 1000 + 3000)
  })()
  const load = await runHttpLoad({
    url: gateway.url + producePath(topic), method: 'POST', body: produceBody(1), connections: loads.singleConnections,
    durationSeconds: 3600, until: timeline,
    onResponse: status => { statuses[phase][status] = (statuses[phase][status] ?? 0) + 1 },
  })
  const samples = sampler.stop()
  const during = (from: number, to: number): RssSample[] => samples.filter(s => s.at >= from && s.at < to)
  const before = peak(during(0, marks.outage), 'total')
  const outagePeak = peak(during(marks.outage, marks.after), 'total')
  const after = peak(during(marks.after, Infinity), 'total')
  const recovered = Object.entries(statuses.after).some(([status, count]) => status.startsWith('2') && count > 0)
  if (!recovered) ctx.problems.push(`outage: no successful produce after the broker came back (${JSON.stringify(statuses.after)})`)
  const unavailable = statuses.outage['503'] ?? 0
  const answered = Object.values(statuses.outage).reduce((a, b) => a + b, 0)

  const row = (metric: string, value: number, target: ResultRow['target'], note?: string): ResultRow => ({
    scenario, metric, unit: 'MB', gateway: value, baseline: before, baselineName: 'before outage',
    comparison: { kind: 'ratio', value: value / before }, target, ...(note ? { note } : {}),
  })
  ctx.rows.push(row('peak RSS during outage', outagePeak, { text: `flat (≤ +${FLAT_TOLERANCE * 100}%)`, met: outagePeak <= before * (1 + FLAT_TOLERANCE) }))
  ctx.rows.push(row('peak RSS after recovery', after, null))
  ctx.rows.push({
    scenario, metric: 'answers during outage that were 503', unit: '', gateway: unavailable, baseline: answered, baselineName: 'all answers',
    comparison: { kind: 'ratio', value: answered === 0 ? 0 : unavailable / answered }, target: null,
  })
  ctx.log(`  outage: RSS before ${before.toFixed(0)} MB, during ${outagePeak.toFixed(0)} MB, after ${after.toFixed(0)} MB; statuses ${JSON.stringify(statuses)}`)
  ;(ctx.details.memory as Record<string, unknown>).outage = { marks, statuses, errors: load.errors, samples }
}

export async function memoryUnderLoad (ctx: BenchContext): Promise<void> {
  ctx.details.memory = {}
  for (const workers of ctx.workerCounts) await manyConnections(ctx, workers)
  if (!ctx.options.smoke) await manyConnections(ctx, 1, CAPPED_HEAP_FLAGS)
  await outage(ctx)
}
