// A throwaway (or persistent) local Apache Kafka cluster in KRaft mode: every
// node is a combined broker+controller JVM started from the jars that
// install.ts put in .cache/kafka/<version>/libs. See docs/local-kafka.md.
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { installKafka } from './install.ts'
import { formatStorage, hasExited, spawnBroker, stopProcess } from './jvm.ts'
import { assertPortFree, freePorts, HOST } from './ports.ts'
import { serverProperties, type NodeSpec } from './properties.ts'
import { waitUntilReady } from './readiness.ts'
import { requireJava } from './tools.ts'
import { RUNTIME_ROOT } from './version.ts'

export interface KafkaClusterOptions {
  brokers?: 1 | 3
  /** Where broker data lives. Given: kept after stop() and must not hold an older cluster. Default: a throwaway folder, deleted by stop(). */
  dataDir?: string
  /** Enables the StandardAuthorizer (allow-all unless an ACL matches) so the ACL admin APIs work. */
  authorizer?: boolean
  /** Where broker-<id>.log and broker-<id>.properties go. Default: .kafka/<timestamp>-<pid>-<random>/ in the repo. */
  logDir?: string
  /** Max heap per broker JVM. */
  heapMb?: number
}

export interface KafkaCluster {
  bootstrap: string
  brokers: { id: number; port: number; host: string }[]
  logDir: string
  stopBroker(id: number): Promise<void>
  startBroker(id: number): Promise<void>
  stop(): Promise<void>
}

interface Node extends NodeSpec {
  configFile: string
  logFile: string
  child: ChildProcess | undefined
}

const DEFAULT_HEAP_MB = 256
const STOP_GRACE_MS = 20_000

/** A Kafka Uuid (cluster and directory ids): 16 random bytes, base64url, never starting with '-' (the CLI would read it as a flag). */
function kafkaUuid (): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url')
    if (!id.startsWith('-')) return id
  }
}

function timestamp (): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
}

export async function startKafkaCluster (opts: KafkaClusterOptions = {}): Promise<KafkaCluster> {
  const count = opts.brokers ?? 1
  const heapMb = opts.heapMb ?? DEFAULT_HEAP_MB
  // Three voters need each other to elect a leader, so they start together and get longer.
  const readyTimeoutMs = count === 3 ? 90_000 : 60_000
  const libs = await installKafka()
  requireJava()

  mkdirSync(RUNTIME_ROOT, { recursive: true })
  const logDir = resolve(opts.logDir ?? mkdtempSync(join(RUNTIME_ROOT, `${timestamp()}-${String(process.pid)}-`)))
  const throwaway = opts.dataDir === undefined
  const dataDir = resolve(opts.dataDir ?? join(logDir, 'data'))
  mkdirSync(logDir, { recursive: true })

  const ports = await freePorts(count * 2)
  const nodes: Node[] = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    port: ports[i * 2] ?? 0,
    controllerPort: ports[i * 2 + 1] ?? 0,
    dataDir: join(dataDir, `broker-${String(i + 1)}`),
    configFile: join(logDir, `broker-${String(i + 1)}.properties`),
    logFile: join(logDir, `broker-${String(i + 1)}.log`),
    child: undefined,
  }))

  const clusterId = kafkaUuid()
  // Every voter must be formatted with the same initial controller set
  // (id@host:port:directory-id); a single node bootstraps itself with --standalone.
  const quorumArgs = count === 1
    ? ['--standalone']
    : ['--initial-controllers', nodes.map((n) => `${String(n.id)}@${HOST}:${String(n.controllerPort)}:${kafkaUuid()}`).join(',')]
  for (const node of nodes) {
    mkdirSync(node.dataDir, { recursive: true })
    writeFileSync(node.configFile, serverProperties(node, nodes, opts.authorizer === true))
  }

  const find = (id: number): Node => {
    const node = nodes.find((n) => n.id === id)
    if (node === undefined) throw new Error(`no Kafka broker with id ${String(id)} (ids are 1..${String(count)})`)
    return node
  }
  const halt = async (node: Node, graceMs: number): Promise<void> => {
    if (node.child !== undefined) await stopProcess(node.child, graceMs)
    node.child = undefined
  }
  const stopBroker = (id: number): Promise<void> => halt(find(id), STOP_GRACE_MS)
  const startBroker = async (id: number): Promise<void> => {
    const node = find(id)
    if (node.child !== undefined && !hasExited(node.child)) return
    const name = `Kafka broker ${String(id)}`
    await assertPortFree(node.port, name)
    await assertPortFree(node.controllerPort, name)
    node.child = spawnBroker(libs, node.configFile, heapMb, node.logFile)
    await waitUntilReady(node, node.child, readyTimeoutMs)
  }
  let stopped = false
  const stop = async (): Promise<void> => {
    if (stopped) return
    stopped = true
    // Throwaway data is deleted right after, so a controlled shutdown buys
    // nothing; it would cost ~5 s for 3 nodes, as the last voters wait for a
    // quorum that is already gone.
    await Promise.all(nodes.map((n) => halt(n, throwaway ? 0 : STOP_GRACE_MS)))
    if (throwaway) rmSync(dataDir, { recursive: true, force: true })
  }

  try {
    await Promise.all(nodes.map((n) => formatStorage(libs, n.configFile, clusterId, quorumArgs, n.logFile)))
    await Promise.all(nodes.map((n) => startBroker(n.id)))
  } catch (error) {
    await stop()
    throw error
  }

  return {
    bootstrap: nodes.map((n) => `${HOST}:${String(n.port)}`).join(','),
    brokers: nodes.map((n) => ({ id: n.id, port: n.port, host: HOST })),
    logDir,
    stopBroker,
    startBroker,
    stop,
  }
}
