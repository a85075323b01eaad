/**
 * The HTTP reader of the fetch scenario in its own process, like the direct
 * consumer: reads a pre-filled topic through the gateway one way (native
 * JSON or binary fetch, SSE, Confluent v2 consumer) and reports records/s.
 * Like the direct consumer it reads the topic twice and reports the second,
 * warm read.
 */
import { failed, readArgs, report } from '../direct/report.ts'
import { readConfluentV2, readNative, readNativeBinary, readSse, type ReadRun } from '../lib/readers.ts'

export type ReadKind = 'binary' | 'native' | 'sse' | 'v2'

export interface ReadArgs {
  kind: ReadKind
  baseUrl: string
  topic: string
  partitions: number
  perPartition: number
  /** Bytes per partition per fetch. */
  maxBytes: number
}

const args = readArgs<ReadArgs>()
const expected = args.partitions * args.perPartition
function readAll (): Promise<ReadRun> {
  switch (args.kind) {
    case 'binary': return readNativeBinary(args.baseUrl, args.topic, args.partitions, args.perPartition, args.maxBytes)
    case 'native': return readNative(args.baseUrl, args.topic, args.partitions, args.perPartition, args.maxBytes)
    case 'sse': return readSse(args.baseUrl, args.topic, expected)
    case 'v2': return readConfluentV2(args.baseUrl, args.topic, expected, args.maxBytes * args.partitions)
  }
}

try {
  await readAll()
  const cpu = process.cpuUsage()
  const run = await readAll()
  const used = process.cpuUsage(cpu)
  // The reader's own CPU per record (user + system), to tell its share from the gateway's.
  report({ ...run, clientCpuMicrosPerRecord: (used.user + used.system) / run.records })
  process.exit(0)
} catch (error) {
  failed(error)
}
