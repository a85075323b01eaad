/**
 * The direct-client baseline for fetch: @platformatic/kafka's Consumer in
 * its own process reads a pre-filled topic from the earliest offset, the way
 * an application would (a fresh group, stream of messages), with the same
 * bytes per partition per fetch as the gateway readers. The clock starts at
 * the first record, so joining the group is not counted. The topic is read
 * twice, by two consumers, and the second read is reported: the process is
 * warm then (JIT, connections), as the HTTP readers are (bench/http/read.ts).
 */
import { randomBytes } from 'node:crypto'
import { Consumer } from '@platformatic/kafka'
import { failed, readArgs, report } from './report.ts'

interface Args {
  bootstrap: string
  topic: string
  /** Records in the topic; the run ends when all were read. */
  expected: number
  maxBytesPerPartition: number
}

const args = readArgs<Args>()

async function readAll (): Promise<{ recordsPerSecond: number, megabytesPerSecond: number, records: number }> {
  const consumer = new Consumer({
    clientId: 'bench-direct-consumer',
    groupId: `bench-direct-${randomBytes(4).toString('hex')}`,
    bootstrapBrokers: args.bootstrap.split(','),
    autocreateTopics: false,
  })
  const stream = await consumer.consume({
    topics: [args.topic],
    mode: 'earliest',
    autocommit: false,
    maxBytesPerPartition: args.maxBytesPerPartition,
    maxWaitTime: 500,
  })
  let count = 0
  let bytes = 0
  let started = 0
  const seconds = await new Promise<number>((resolve, reject) => {
    stream.on('error', reject)
    stream.on('data', (message: { value: Buffer | null }) => {
      if (count === 0) started = performance.now()
      count++
      bytes += message.value?.length ?? 0
      if (count === args.expected) resolve((performance.now() - started) / 1000)
    })
  })
  await stream.close()
  await consumer.close(true)
  return { recordsPerSecond: count / seconds, megabytesPerSecond: bytes / seconds / 1e6, records: count }
}

try {
  await readAll()
  const cpu = process.cpuUsage()
  const run = await readAll()
  const used = process.cpuUsage(cpu)
  report({ ...run, clientCpuMicrosPerRecord: (used.user + used.system) / run.records })
} catch (error) {
  failed(error)
}
