// Local Apache Kafka for development and tests (see docs/local-kafka.md).
//
//   node scripts/kafka/cli.ts install
//   node scripts/kafka/cli.ts start [--brokers 1|3] [--authorizer]
//   node scripts/kafka/cli.ts exec [--brokers 1|3] [--authorizer] -- <command...>
import { spawn } from 'node:child_process'
import { constants } from 'node:os'
import { parseArgs } from 'node:util'
import { startKafkaCluster, type KafkaCluster, type KafkaClusterOptions } from './cluster.ts'
import { installKafka } from './install.ts'
import { KAFKA_VERSION } from './version.ts'

const USAGE = 'usage: cli.ts install | start [--brokers 1|3] [--authorizer] | exec [--brokers 1|3] [--authorizer] -- <command...>'

function clusterOptions (args: string[]): KafkaClusterOptions {
  const { values } = parseArgs({
    args,
    options: { brokers: { type: 'string', default: '1' }, authorizer: { type: 'boolean', default: false } },
  })
  if (values.brokers !== '1' && values.brokers !== '3') throw new Error(`--brokers must be 1 or 3, got ${values.brokers}`)
  return { brokers: values.brokers === '3' ? 3 : 1, authorizer: values.authorizer }
}

async function startTimed (opts: KafkaClusterOptions, log: (line: string) => void): Promise<KafkaCluster> {
  const started = Date.now()
  const cluster = await startKafkaCluster(opts)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const brokers = `${String(cluster.brokers.length)} broker${cluster.brokers.length === 1 ? '' : 's'}`
  log(`Kafka ${KAFKA_VERSION} ready in ${seconds} s: ${brokers}${opts.authorizer === true ? ', authorizer on' : ''}`)
  log(`  KAFKA_BOOTSTRAP_SERVERS=${cluster.bootstrap}`)
  log(`  logs: ${cluster.logDir}`)
  return cluster
}

async function start (args: string[]): Promise<void> {
  const cluster = await startTimed(clusterOptions(args), (line) => { console.log(line) })
  console.log('Press Ctrl-C to stop.')
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => { resolve() })
    process.once('SIGTERM', () => { resolve() })
  })
  await cluster.stop()
}

/** Runs the command against a throwaway cluster and returns its exit code. */
async function exec (args: string[]): Promise<number> {
  const separator = args.indexOf('--')
  const command = separator === -1 ? [] : args.slice(separator + 1)
  const [file, ...rest] = command
  if (file === undefined) throw new Error(`exec needs a command after --; ${USAGE}`)
  await installKafka((line) => { console.error(line) })
  const cluster = await startTimed(clusterOptions(args.slice(0, separator)), (line) => { console.error(line) })

  const child = spawn(file, rest, {
    stdio: 'inherit',
    env: { ...process.env, KAFKA_BOOTSTRAP_SERVERS: cluster.bootstrap, KAFKA_TEST_LOG_DIR: cluster.logDir },
  })
  // A terminal Ctrl-C already reaches the command (same process group), so
  // SIGINT is not forwarded twice; SIGTERM/SIGHUP come from supervisors and
  // only reach us. Either way we wait for the command, then stop the cluster.
  process.on('SIGINT', () => {})
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.on(signal, () => { child.kill(signal) })
  const code = await new Promise<number>((resolve) => {
    child.on('error', (error) => {
      console.error(`error: could not run ${file}: ${error.message}`)
      resolve(127)
    })
    child.on('exit', (status, signal) => { resolve(status ?? 128 + (signal === null ? 0 : constants.signals[signal])) })
  })
  await cluster.stop()
  if (code !== 0) console.error(`Kafka broker logs: ${cluster.logDir}`)
  return code
}

async function main (argv: string[]): Promise<number> {
  const [verb, ...args] = argv
  switch (verb) {
    case 'install':
      await installKafka((line) => { console.log(line) })
      return 0
    case 'start':
      await start(args)
      return 0
    case 'exec':
      return exec(args)
    default:
      console.error(USAGE)
      return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exit(code) },
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
