/**
 * Scenario 4: read throughput of a pre-filled topic (6 partitions of 1 KiB
 * records) through the gateway's native fetch (JSON and binary answers), its
 * SSE stream and the Confluent v2 consumer (when present), against the
 * direct consumer reading the same topic with the same bytes per partition
 * per fetch. Target: native fetch ≥ 70% of the direct consumer's records per
 * second, met by the binary answer, the one made for bulk reading. JSON
 * answers (native, SSE, v2) are reported beside it: there the reader's
 * JSON.parse of every value, on the same two cores, is most of the cost.
 */
import type { BenchContext } from '../lib/context.ts'
import { hasConfluentV2Consumers } from '../lib/confluent.ts'
import { PARTITIONS } from '../lib/broker.ts'
import type { ReadArgs, ReadKind } from '../http/read.ts'
import { runClient, runDirect } from '../lib/processes.ts'
import type { ReadRun } from '../lib/readers.ts'
import { notAvailable, ratioRow } from '../lib/results.ts'
import { median } from '../lib/stats.ts'

const SCENARIO = '4. fetch a pre-filled topic'
const MAX_BYTES_PER_PARTITION = 1024 * 1024

interface DirectConsumeResult { recordsPerSecond: number, records: number, clientCpuMicrosPerRecord: number }

/** Slowest to fastest run in thousands of records/s, for the note: single runs are short and vary. */
const spread = (runs: { recordsPerSecond: number }[]): string => {
  const rates = runs.map(r => Math.round(r.recordsPerSecond / 1000))
  return `${Math.min(...rates)}–${Math.max(...rates)}k`
}

/** The client's own CPU per record (median), for the note: a reader's share of the 2 cores is not the gateway's. */
const clientCpu = (runs: { clientCpuMicrosPerRecord?: number }[]): string => `${median(runs.map(r => r.clientCpuMicrosPerRecord ?? 0)).toFixed(1)} µs`

export async function fetchThroughput (ctx: BenchContext): Promise<void> {
  const loads = ctx.options.loads
  const perPartition = loads.fetchRecordsPerPartition
  const expected = perPartition * PARTITIONS
  const topic = await ctx.broker.createTopic('fetch')
  ctx.log(`  filling ${topic} with ${expected} records`)
  await ctx.broker.fill(topic, perPartition)
  const gateway = await ctx.gateway()
  const withV2 = await hasConfluentV2Consumers(gateway.url)

  const runs: Record<ReadKind, ReadRun[]> & { direct: DirectConsumeResult[] } = { binary: [], native: [], sse: [], v2: [], direct: [] }
  const read = (kind: ReadKind): Promise<ReadRun> => runClient<ReadRun>('http/read.ts', {
    kind, baseUrl: gateway.url, topic, partitions: PARTITIONS, perPartition, maxBytes: MAX_BYTES_PER_PARTITION,
  } satisfies ReadArgs)
  const direct = (): Promise<DirectConsumeResult> => runDirect<DirectConsumeResult>('consume.ts', { bootstrap: ctx.broker.bootstrap, topic, expected, maxBytesPerPartition: MAX_BYTES_PER_PARTITION })
  const kinds: ReadKind[] = withV2 ? ['binary', 'native', 'sse', 'v2'] : ['binary', 'native', 'sse']
  // One unmeasured run of every reader first, direct consumer included: the broker's page cache and JIT and
  // the gateway's code for each answer format start warm for every side (each client process also warms
  // itself up with a first read of its own).
  for (const kind of kinds) await read(kind)
  await direct()
  for (let repeat = 0; repeat < loads.repeats; repeat++) {
    for (const kind of kinds) runs[kind].push(await read(kind))
    runs.direct.push(await direct())
    for (const side of ['binary', 'native', 'sse', 'v2', 'direct'] as const) {
      const last = runs[side].at(-1)
      if (last && runs[side].length === repeat + 1) ctx.log(`  fetch #${repeat + 1} ${side}: ${Math.round(last.recordsPerSecond)} records/s, client CPU ${(last.clientCpuMicrosPerRecord ?? 0).toFixed(2)} µs/record`)
    }
  }
  const directMedian = median(runs.direct.map(r => r.recordsPerSecond))
  ctx.rows.push({
    ...ratioRow(SCENARIO, 'native fetch, binary answer, records/s vs direct consumer', 'records/s', median(runs.binary.map(r => r.recordsPerSecond)), directMedian, 'direct consumer', 0.7),
    note: `runs ${spread(runs.binary)} vs ${spread(runs.direct)}; client CPU per record: HTTP reader ${clientCpu(runs.binary)}, direct consumer ${clientCpu(runs.direct)}`,
  })
  ctx.rows.push(ratioRow(SCENARIO, 'native fetch, JSON answer, records/s vs direct consumer', 'records/s', median(runs.native.map(r => r.recordsPerSecond)), directMedian, 'direct consumer'))
  ctx.rows.push(ratioRow(SCENARIO, 'SSE stream records/s vs direct consumer', 'records/s', median(runs.sse.map(r => r.recordsPerSecond)), directMedian, 'direct consumer'))
  ctx.rows.push(withV2
    ? ratioRow(SCENARIO, 'Confluent v2 consumer records/s vs direct consumer', 'records/s', median(runs.v2.map(r => r.recordsPerSecond)), directMedian, 'direct consumer')
    : notAvailable(SCENARIO, 'Confluent v2 consumer records/s', 'the gateway has no Confluent v2 consumer routes yet'))
  ctx.details.fetch = { ...runs, recordsPerPartition: perPartition, partitions: PARTITIONS }
}
