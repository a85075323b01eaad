/**
 * The direct-client baseline for produce: @platformatic/kafka's Producer in
 * its own process, on the same broker, topic layout, record size and acks
 * as the gateway. Closed loop (`concurrency` sends in flight, as many HTTP
 * connections would be) or open loop at a fixed `rate` of sends per second
 * (for latency). Like the gateway, each send's records go to one partition,
 * and sends rotate over the partitions.
 *
 * `linger: true` is the client's own batching for records that come one at
 * a time (its ProducerStream, flushed every 1 ms like the gateway's default
 * linger, with one delivery report per record): the fair baseline for the
 * one-record scenarios. Without it every record is its own produce request.
 */
import { Producer, ProduceAcks, type MessageToProduce } from '@platformatic/kafka'
import { recordValue } from '../lib/payloads.ts'
import { LatencyRecorder } from '../lib/stats.ts'
import { failed, readArgs, report } from './report.ts'

interface Args {
  bootstrap: string
  topic: string
  partitions: number
  /** Records per send. */
  batch: number
  concurrency: number
  durationSeconds: number
  warmupSeconds: number
  /** Sends per second (open loop); absent = as fast as `concurrency` allows. */
  rate?: number
  /** Single records through the client's batching stream instead of one send each. */
  linger?: boolean
}

const LINGER_MS = 1
const STREAM_BATCH_RECORDS = 1000

const args = readArgs<Args>()
const producer = new Producer({ clientId: 'bench-direct-producer', bootstrapBrokers: args.bootstrap.split(','), acks: ProduceAcks.ALL, autocreateTopics: false })
const value = Buffer.from(recordValue())
const batches: MessageToProduce[][] = Array.from({ length: args.partitions }, (_, partition) =>
  Array.from({ length: args.batch }, () => ({ topic: args.topic, partition, value })))
let nextPartition = 0

// Each record written to the stream is its own object, so its delivery report finds who waits for it.
const waiting = new Map<MessageToProduce, () => void>()
const stream = args.linger
  ? producer.asStream({ batchSize: STREAM_BATCH_RECORDS, batchTime: LINGER_MS, reportMode: 'message', highWaterMark: 100_000 })
  : undefined
stream?.on('error', failed)
stream?.on('delivery-report', (report: { message: MessageToProduce }) => {
  const done = waiting.get(report.message)
  waiting.delete(report.message)
  done?.()
})

function produce (): Promise<unknown> {
  const partition = nextPartition
  nextPartition = (nextPartition + 1) % args.partitions
  if (!stream) return producer.send({ messages: batches[partition]! })
  const message: MessageToProduce = { topic: args.topic, partition, value }
  return new Promise<void>(resolve => {
    waiting.set(message, resolve)
    stream.write(message)
  })
}

let measuring = false
let records = 0
let sends = 0
let errors = 0
const latencies = new LatencyRecorder()

/** `dueAt`: when an open loop meant to send it, so waiting to be sent counts as latency (as on the HTTP side). */
async function sendOne (dueAt = performance.now()): Promise<void> {
  const started = dueAt
  try {
    await produce()
    if (measuring) {
      latencies.record(performance.now() - started)
      records += stream ? 1 : args.batch
      sends++
    }
  } catch {
    if (measuring) errors++
  }
}

async function closedLoop (until: number): Promise<void> {
  await Promise.all(Array.from({ length: args.concurrency }, async () => {
    while (performance.now() < until) await sendOne()
  }))
}

async function openLoop (until: number, rate: number): Promise<void> {
  const started = performance.now()
  let dispatched = 0
  const inFlight = new Set<Promise<void>>()
  while (performance.now() < until) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate)
    for (; dispatched < due; dispatched++) {
      const sending = sendOne(started + (dispatched / rate) * 1000).finally(() => inFlight.delete(sending))
      inFlight.add(sending)
    }
    await new Promise(resolve => setTimeout(resolve, 1))
  }
  await Promise.all(inFlight)
}

async function run (seconds: number): Promise<void> {
  const until = performance.now() + seconds * 1000
  if (args.rate !== undefined) await openLoop(until, args.rate)
  else await closedLoop(until)
}

try {
  await run(args.warmupSeconds)
  measuring = true
  const started = performance.now()
  await run(args.durationSeconds)
  const seconds = (performance.now() - started) / 1000
  measuring = false
  report({ recordsPerSecond: records / seconds, sendsPerSecond: sends / seconds, errors, latency: latencies.summary() })
  await stream?.close()
  await producer.close()
} catch (error) {
  failed(error)
}
