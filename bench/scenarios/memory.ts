/**
 * Scenario 6: memory of the gateway as `npm start` runs it (the compiled
 * dist/src/main.js with package.json config.nodeFlags) under 1,000
 * concurrent connections producing. Target: peak RSS of one gateway process
 * (`--workers 1`) ≤ 250 MB. With several workers the row shows the PSS of
 * the primary and its workers summed, for information: summed RSS would count
 * the pages they share (the mapped node binary above all) once per process,
 * while PSS divides a shared page among every process that maps it (other
 * node processes on the machine too, so it reads a little low). A full run
 * also measures one process as `npm start` ran it before the build and the
 * flags (`node src/main.ts`: type stripping, V8's default heap sizing), for
 * the before/after. Then a 30 s broker outage under load: the gateway must
 * answer 503 and its RSS (summed over its processes) stay flat (no queue
 * growing while Kafka is away), and recover after. The samples in the
 * details JSON hold summed and largest RSS and summed PSS.
 */
import type { BenchContext, GatewayVariant } from '../lib/context.ts'
import { runHttpLoad } from '../lib/http-load.ts'
import { produceBody } from '../lib/payloads.ts'
import { sampleMemory, type MemorySample } from '../lib/processes.ts'
import { notAvailable, type ResultRow } from '../lib/results.ts'
import { producePath } from './produce.ts'

const MB = 1e6
const MAX_RSS_MB = 250
/** "Flat": the peak during the outage stays within this share above the peak under load before it. */
const FLAT_TOLERANCE = 0.1

const peak = (samples: MemorySample[], key: 'total' | 'largest' | 'pss'): number => Math.max(...samples.map(s => s[key])) / MB
const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

async function manyConnections (ctx: BenchContext, workers: number, variant: GatewayVariant = {}): Promise<void> {
  const loads = ctx.options.loads
  const scenario = `6. memory, ${loads.memoryConnections} connections producing`
  const former = variant.formerDefault === true
  // One process: its RSS (the target); several: what they take together, their summed PSS.
  const key = workers === 1 ? 'total' : 'pss'
  const measure = workers === 1 ? 'RSS' : 'PSS'
  const gateway = await ctx.restartGateway(workers, variant)
  const topic = await ctx.broker.createTopic(`memory-${workers}${former ? '-former' : ''}`)
  const idleSamples = sampleMemory(gateway.pid).stop()
  const idle = peak(idleSamples, key)
  const loaded = sampleMemory(gateway.pid)
  const load = await ctx.httpLoad(`memory ${workers} worker(s)${former ? ', former default' : ''}`, { url: gateway.url + producePath(topic), method: 'POST', body: produceBody(1), connections: loads.memoryConnections, durationSeconds: loads.memorySeconds })
  const samples = loaded.stop()
  const value = peak(samples, key)
  const summedRss = peak(samples, 'total')
  if (former) await ctx.stopGateway(workers)
  // The same load on the bare Fastify route with as many processes: what the HTTP stack alone takes.
  let bare: number | null = null
  if (!former) {
    const bareServer = await ctx.bare(workers)
    const bareSampler = sampleMemory(bareServer.pid)
    await ctx.httpLoad(`memory bare ${workers}`, { url: bareServer.url + producePath(topic), method: 'POST', body: produceBody(1), connections: loads.memoryConnections, durationSeconds: loads.memorySeconds })
    bare = peak(bareSampler.stop(), key)
  }
  const processes = workers === 1 ? '1 process' : `primary + ${workers} workers`
  const note = `gateway idle ${idle.toFixed(0)} MB, ${Math.round(load.requestsPerSecond)} req/s` +
    (workers > 1 ? `; summed RSS ${summedRss.toFixed(0)} MB` : '') +
    (former ? '; node src/main.ts without config.nodeFlags, as npm start ran it before' : '')
  ctx.rows.push({
    scenario, metric: `peak ${measure}, ${processes}${former ? ', former default' : ''}`, unit: 'MB', gateway: value, baseline: bare, baselineName: 'bare Fastify',
    comparison: { kind: 'value', value },
    target: workers === 1 && !former ? { text: `≤ ${MAX_RSS_MB} MB`, met: value <= MAX_RSS_MB } : null,
    note,
  })
  if (workers > 1) {
    const largest = peak(samples, 'largest')
    ctx.rows.push({ scenario, metric: 'peak RSS, largest single process', unit: 'MB', gateway: largest, baseline: null, baselineName: '', comparison: { kind: 'value', value: largest }, target: null })
  }
  ctx.log(`  ${loads.memoryConnections} connections, ${workers} worker(s)${former ? ', former default' : ''}: ${measure} idle ${idle.toFixed(0)} MB, peak ${value.toFixed(0)} MB (summed RSS ${summedRss.toFixed(0)} MB), ${Math.round(load.requestsPerSecond)} req/s; bare Fastify peak ${bare?.toFixed(0) ?? '—'} MB`)
  ;(ctx.details.memory as Record<string, unknown>)[`workers-${workers}${former ? '-former-default' : ''}`] = {
    measure, idleMB: idle, peakMB: value, peakSummedRssMB: summedRss, idleSummedRssMB: peak(idleSamples, 'total'), bareFastifyPeakMB: bare,
    requestsPerSecond: load.requestsPerSecond, statusCounts: load.statusCounts, samples,
  }
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
  const sampler = sampleMemory(gateway.pid)
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
  const during = (from: number, to: number): MemorySample[] => samples.filter(s => s.at >= from && s.at < to)
  // Summed RSS: shared pages count once per process, but the same before, during and after, so the ratio holds;
  // PSS would also move when other node processes on the machine come and go (they share the binary's pages).
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
  if (!ctx.options.smoke) await manyConnections(ctx, 1, { formerDefault: true })
  await outage(ctx)
}
