/**
 * config → one gateway process (server.ts), or with `--workers N` /
 * GATEWAY_WORKERS a primary that only supervises N of them (workers.ts).
 * The primary imports neither Fastify nor the Kafka client, so it stays small.
 */
import cluster from 'node:cluster'
import { loadConfig } from './config/load.ts'
import type { GatewayConfig } from './config/schema.ts'
import { resolveWorkerCount, superviseWorkers } from './workers.ts'

function fail (message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

let config: Readonly<GatewayConfig>
let workers: number
try {
  config = loadConfig()
  workers = resolveWorkerCount(process.argv.slice(2), config.workers.count)
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
if (config.kafka.bootstrapServers.length === 0) {
  fail('error: no Kafka configured; set KAFKA_BOOTSTRAP_SERVERS=host:port (or use `make run`, which starts a local broker)')
}

if (cluster.isPrimary && workers > 1) {
  superviseWorkers(workers, config)
} else {
  const { serve } = await import('./server.ts')
  await serve(config, fail)
}
