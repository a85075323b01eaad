/**
 * `node bench/run.ts [--smoke] [--scenarios a,b] [--workers N] [--repeats N] [--duration S] [--profile DIR] [--out DIR]`
 *
 * Starts a local Kafka broker (or uses KAFKA_BOOTSTRAP_SERVERS), the gateway
 * and the bare Fastify ceiling, runs every scenario against the gateway and
 * against a direct Kafka client in its own process, side by side in this one
 * run, and prints a table; a full run also writes results/latest.json and
 * results/latest.png. `--smoke` runs every scenario for about a second with
 * tiny loads and exits non-zero when one of them fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openBroker } from './lib/broker.ts'
import { BenchContext } from './lib/context.ts'
import { describeMachine } from './lib/machine.ts'
import { parseBenchArgs, SCENARIOS, type ScenarioName } from './lib/options.ts'
import { renderChart } from './report/chart.ts'
import { resultsMarkdown, updateMarkedSection } from './report/docs.ts'
import { textTable } from './report/table.ts'
import { fetchThroughput } from './scenarios/fetch.ts'
import { latencyAtHalfLoad } from './scenarios/latency.ts'
import { memoryUnderLoad } from './scenarios/memory.ts'
import { produceBatch, produceSingle } from './scenarios/produce.ts'
import { streamingProduce } from './scenarios/streaming.ts'

const SCENARIO_RUNNERS: Record<ScenarioName, (ctx: BenchContext) => Promise<void>> = {
  'produce-single': produceSingle,
  'produce-batch': produceBatch,
  'produce-stream': streamingProduce,
  fetch: fetchThroughput,
  latency: latencyAtHalfLoad,
  // Last: its outage scenario stops the broker.
  memory: memoryUnderLoad,
}

const log = (line: string): void => { process.stderr.write(line + '\n') }
const DEFAULT_OUT_DIR = join(import.meta.dirname, 'results')
const options = parseBenchArgs(process.argv.slice(2), DEFAULT_OUT_DIR)
const broker = await openBroker(log)
const machine = describeMachine(broker.kafkaVersion)
const ctx = new BenchContext(options, broker, log)
const failures: string[] = []
const startedAt = new Date()

let interrupted = false
process.on('SIGINT', () => { interrupted = true; log('interrupted; cleaning up after the current step') })

try {
  log(`bench: ${options.smoke ? 'smoke' : 'full'} run, gateway with ${options.workers} worker(s), ${machine.cores} cores, ${machine.cpu}`)
  for (const name of options.scenarios) {
    if (interrupted) break
    log(`— ${name}`)
    try {
      await SCENARIO_RUNNERS[name](ctx)
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`)
      log(`  ${name} failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
} finally {
  await ctx.close()
  await broker.deleteTopics()
  await broker.stop()
}

process.stdout.write('\n' + textTable(ctx.rows) + '\n')
log(`machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB RAM, Node ${machine.node}, Kafka ${machine.kafka}`)
for (const problem of ctx.problems) log(`problem: ${problem}`)
for (const failure of failures) log(`failed: ${failure}`)

if (options.outDir) {
  mkdirSync(options.outDir, { recursive: true })
  const results = { startedAt: startedAt.toISOString(), smoke: options.smoke, workers: options.workers, loads: options.loads, machine, rows: ctx.rows, problems: ctx.problems, failures, details: ctx.details }
  writeFileSync(join(options.outDir, 'latest.json'), JSON.stringify(results, null, 2) + '\n')
  writeFileSync(join(options.outDir, 'latest.png'), renderChart(ctx.rows, machine, startedAt))
  log(`results: ${join(options.outDir, 'latest.json')}, chart: ${join(options.outDir, 'latest.png')}`)
  // Only a complete full run into the committed results replaces what the documents show.
  if (!options.smoke && failures.length === 0 && options.outDir === DEFAULT_OUT_DIR && options.scenarios.length === SCENARIOS.length) {
    const root = join(import.meta.dirname, '..')
    for (const [file, chart] of [['docs/benchmarks.md', '../bench/results/latest.png'], ['README.md', 'bench/results/latest.png']] as const) {
      if (updateMarkedSection(join(root, file), resultsMarkdown(ctx.rows, machine, startedAt, options.workers, chart))) log(`updated ${file}`)
    }
  }
}
process.exit(failures.length > 0 || (options.smoke && ctx.problems.length > 0) ? 1 : 0)
