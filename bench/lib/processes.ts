/**
 * The processes of a bench run: the gateway (as `npm start` runs it: the
 * compiled dist/src/main.js with package.json config.nodeFlags, built first
 * when missing or stale; with its workers), the bare Fastify ceiling and the
 * direct Kafka clients, each its own process so none shares an event loop
 * with the load generator.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ensureBuilt, MAIN_JS, nodeFlags } from '../../scripts/build.ts'
import { freePort } from '../../scripts/kafka/ports.ts'

export const ROOT = join(import.meta.dirname, '..', '..')

export { freePort }

export interface ServerProcess {
  url: string
  pid: number
  output: () => string
  stop (): Promise<number | null>
}

async function waitForHttp (url: string, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited early (${child.exitCode}): ${output()}`)
    try {
      if ((await fetch(url)).ok) return
    } catch { /* not listening yet */ }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms: ${output()}`)
}

export function startServer (args: string[], env: Record<string, string>, port: number, readyPath: string, nodeOptions: string[]): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeOptions, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer): void => { output = (output + chunk.toString()).slice(-20_000) }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const url = `http://127.0.0.1:${port}`
  const server: ServerProcess = {
    url,
    pid: child.pid!,
    output: () => output,
    async stop () {
      if (child.exitCode !== null) return child.exitCode
      child.kill('SIGTERM')
      const [code] = await once(child, 'exit') as [number | null]
      return code
    },
  }
  return waitForHttp(url + readyPath, child, () => output).then(() => server, async error => { await server.stop(); throw error })
}

export interface GatewayOptions {
  bootstrap: string
  workers: number
  /** Extra GATEWAY_* / KAFKA_* settings. */
  env?: Record<string, string>
  /** Node flags for the primary and, through NODE_OPTIONS, every worker (e.g. --cpu-prof). */
  nodeOptions?: string[]
  /**
   * Run the gateway as `npm start` did before the build and the flags:
   * `node src/main.ts` (type stripping) with V8's default heap sizing. For
   * the before/after of the memory scenario.
   */
  formerDefault?: boolean
}

/** dist/ is checked (and built when stale) once per run, so src/ edits made during a run do not rebuild it midway. */
let buildChecked = false

export async function startGateway (options: GatewayOptions): Promise<ServerProcess> {
  // Workers forked by node:cluster inherit the primary's flags (process.execArgv).
  const [flags, main] = options.formerDefault ? [[], join(ROOT, 'src', 'main.ts')] : [nodeFlags(), MAIN_JS]
  if (!options.formerDefault && !buildChecked) {
    ensureBuilt()
    buildChecked = true
  }
  const port = await freePort()
  const gateway = await startServer([...flags, main, '--workers', String(options.workers)], {
    KAFKA_BOOTSTRAP_SERVERS: options.bootstrap,
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: String(port),
    GATEWAY_LOG_LEVEL: 'warn',
    ...(options.nodeOptions?.length ? { NODE_OPTIONS: options.nodeOptions.join(' ') } : {}),
    ...options.env,
  }, port, '/healthz', [])
  // With several workers the port answers once the first one listens; wait until Kafka is reachable from all of them.
  let readyInARow = 0
  for (let i = 0; i < 200 && readyInARow < options.workers * 4; i++) {
    const ok = await fetch(gateway.url + '/readyz').then(r => r.ok, () => false)
    readyInARow = ok ? readyInARow + 1 : 0
    if (!ok) await new Promise(resolve => setTimeout(resolve, 100))
  }
  return gateway
}

export async function startBareServer (workers: number): Promise<ServerProcess> {
  const port = await freePort()
  return startServer([join(ROOT, 'bench', 'bare-server.ts')], { PORT: String(port), WORKERS: String(workers) }, port, '/healthz', [])
}

/**
 * Runs a client script of the bench (a path under bench/) in its own fresh
 * process to its end and returns the JSON it printed last. Every measured
 * client, the direct Kafka ones and the HTTP ones, runs this way, so neither
 * side shares a process (its heap, its GC threads) with the bench itself.
 */
export async function runClient<T> (script: string, args: object, timeoutMs = 180_000): Promise<T> {
  const child = spawn(process.execPath, [join(ROOT, 'bench', script), JSON.stringify(args)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => { stdout += chunk })
  child.stderr.on('data', chunk => { stderr = (stderr + chunk).slice(-10_000) })
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const [code] = await once(child, 'exit') as [number | null]
  clearTimeout(timer)
  const last = stdout.trim().split('\n').pop() ?? ''
  if (code !== 0 || !last.startsWith('{')) throw new Error(`bench client ${script} failed (exit ${code}): ${stderr || stdout}`)
  return JSON.parse(last) as T
}

/** A bench/direct/*.ts client: @platformatic/kafka straight to the broker. */
export function runDirect<T> (script: string, args: object, timeoutMs?: number): Promise<T> {
  return runClient<T>(join('direct', script), args, timeoutMs)
}

/**
 * RSS and PSS of a process, in bytes. PSS splits each page shared between
 * processes (the mapped node binary, ~58 MB, and libraries) among them, so
 * the PSS of a primary and its workers adds up to what they take together;
 * their RSS would count those pages once per process.
 */
function memoryOf (pid: number): { rss: number, pss: number } {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8')
    const kB = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0) * 1024
    return { rss: kB('Rss'), pss: kB('Pss') }
  } catch {
    return { rss: 0, pss: 0 }
  }
}

function childrenOf (pid: number): number[] {
  const children: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // Fields after the command name (which may hold spaces) start with state, then ppid.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === pid) children.push(Number(entry))
    } catch { /* gone meanwhile */ }
  }
  return children
}

export interface MemorySample {
  /** Milliseconds since sampling started. */
  at: number
  /** RSS bytes of every process of the tree, summed (pages shared between them counted once per process). */
  total: number
  /** RSS bytes of the biggest single process. */
  largest: number
  /** PSS bytes of every process of the tree, summed: what the tree takes together. */
  pss: number
}

/** Samples the RSS and PSS of a process and its children (the gateway primary and workers) every `intervalMs`. */
export function sampleMemory (pid: number, intervalMs = 250): { stop: () => MemorySample[] } {
  const samples: MemorySample[] = []
  const started = Date.now()
  let pids = [pid, ...childrenOf(pid)]
  let ticks = 0
  const take = (): void => {
    // Workers can be replaced; refresh the tree now and then rather than on every tick.
    if (++ticks % 8 === 0) pids = [pid, ...childrenOf(pid)]
    const sizes = pids.map(memoryOf)
    samples.push({
      at: Date.now() - started,
      total: sizes.reduce((sum, size) => sum + size.rss, 0),
      largest: Math.max(...sizes.map(size => size.rss)),
      pss: sizes.reduce((sum, size) => sum + size.pss, 0),
    })
  }
  take()
  const timer = setInterval(take, intervalMs)
  return { stop: () => { clearInterval(timer); take(); return samples } }
}

const CLOCK_TICKS_PER_SECOND = 100

/** CPU seconds (user + system) used so far by a process and its children (the gateway primary and workers). */
export function cpuSecondsOfTree (pid: number): number {
  let ticks = 0
  for (const member of [pid, ...childrenOf(pid)]) {
    try {
      const stat = readFileSync(`/proc/${member}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the command name.
      ticks += Number(fields[11]) + Number(fields[12])
    } catch { /* gone meanwhile */ }
  }
  return ticks / CLOCK_TICKS_PER_SECOND
}
