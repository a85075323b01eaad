/**
 * Scenario 4: read throughput of a pre-filled topic (6 partitions of 1 KiB
 * records) through the gateway's native fetch, its SSE stream and the
 * Confluent v2 consumer (when present), against the direct consumer reading
 * the same topic with the same bytes per partition per fetch. Target:
 * native fetch ≥ 70% of the direct consumer's records per second.
 */
import type { BenchContext } from '../lib/context.ts'
import { hasConfluentV2Consumers } from '../lib/confluent.ts'
import { PARTITIONS } from '../lib/broker.ts'
import { runDirect } from '../lib/processes.ts'
import { readConfluentV2, readNative, readSse, type ReadRun } from '../lib/readers.ts'
import { notAvailable, ratioRow } from '../lib/results.ts'
import { median } from '../lib/stats.ts'

const SCENARIO = '4. fetch a pre-filled topic'
const MAX_BYTES_PER_PARTITION = 1024 * 1024

interface DirectConsumeResult { recordsPerSecond: number, records: number }

export async function fetchThroughput (ctx: BenchContext): Promise<void> {
  const loads = ctx.options.loads
  const perPartition = loads.fetchRecordsPerPartition
  const expected = perPartition * PARTITIONS
  const topic = await ctx.broker.createTopic('fetch')
  ctx.log(`  filling ${topic} with ${expected} records`)
  await ctx.broker.fill(topic, perPartition)
  const gateway = await ctx.gateway()
  const withV2 = await hasConfluentV2Consumers(gateway.url)

  const runs: { native: ReadRun[], sse: ReadRun[], v2: ReadRun[], direct: DirectConsumeResult[] } = { native: [], sse: [], v2: [], direct: [] }
  // One read of everything first: the broker's page cache and the gateway's JIT start warm for every side.
  await readNative(gateway.url, topic, PARTITIONS, perPartition, MAX_BYTES_PER_PARTITION)
  for (let repeat = 0; repeat < loads.repeats; repeat++) {
    runs.native.push(await readNative(gateway.url, topic, PARTITIONS, perPartition, MAX_BYTES_PER_PARTITION))
    runs.sse.push(await readSse(gateway.url, topic, expected))
    if (withV2) runs.v2.push(await readConfluentV2(gateway.url, topic, expected, MAX_BYTES_PER_PARTITION * PARTITIONS))
    runs.direct.push(await runDirect<DirectConsumeResult>('consume.ts', { bootstrap: ctx.broker.bootstrap, topic, expected, maxBytesPerPartition: MAX_BYTES_PER_PARTITION }))
    for (const side of ['native', 'sse', 'v2', 'direct'] as const) {
      const last = runs[side].at(-1)
      if (last && runs[side].length === repeat + 1) ctx.log(`  fetch #${repeat + 1} ${side}: ${Math.round(last.recordsPerSecond)} records/s`)
    }
  }
  const direct = median(runs.direct.map(r => r.recordsPerSecond))
  ctx.rows.push(ratioRow(SCENARIO, 'native fetch records/s vs direct consumer', 'records/s', median(runs.native.map(r => r.recordsPerSecond)), direct, 'direct consumer', 0.7))
  ctx.rows.push(ratioRow(SCENARIO, 'SSE stream records/s vs direct consumer', 'records/s', median(runs.sse.map(r => r.recordsPerSecond)), direct, 'direct consumer'))
  ctx.rows.push(withV2
    ? ratioRow(SCENARIO, 'Confluent v2 consumer records/s vs direct consumer', 'records/s', median(runs.v2.map(r => r.recordsPerSecond)), direct, 'direct consumer', 0.7)
    : notAvailable(SCENARIO, 'Confluent v2 consumer records/s', 'the gateway has no Confluent v2 consumer routes yet'))
  ctx.details.fetch = { ...runs, recordsPerPartition: perPartition, partitions: PARTITIONS }
}
