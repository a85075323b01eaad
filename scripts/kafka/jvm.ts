// Launching Kafka's JVMs: the StorageTool (one-shot) and the broker itself,
// plus the safety net that kills brokers when this Node process goes away.
import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { constants } from 'node:os'
import { join } from 'node:path'
import { LOG4J_CONFIG } from './version.ts'

function classpath (libs: string): string {
  // A literal `*`: the JVM expands classpath wildcards itself, no shell involved.
  return join(libs, '*')
}

const COMMON_JVM_FLAGS = [
  `-Dlog4j2.configurationFile=${LOG4J_CONFIG}`,
  '-Djava.awt.headless=true',
  // Serial GC: on a 2-core machine running up to four small JVMs, G1's
  // concurrent threads cost more start-up CPU than they save.
  '-XX:+UseSerialGC',
]

/**
 * Runs `kafka.tools.StorageTool format` (what kafka-storage.sh runs), appending
 * its output to `logFile`. Rejects with one line if the tool fails.
 */
export function formatStorage (libs: string, configFile: string, clusterId: string, quorumArgs: string[], logFile: string): Promise<void> {
  // C1 only: the format run lives ~1 s, so optimising JIT work is pure
  // overhead (three parallel formats: 3.4 s -> 1.8 s on 2 cores).
  const args = [
    '-Xmx128m', '-XX:TieredStopAtLevel=1', ...COMMON_JVM_FLAGS, '-cp', classpath(libs), 'kafka.tools.StorageTool',
    'format', '--config', configFile, '--cluster-id', clusterId, ...quorumArgs,
  ]
  const log = openSync(logFile, 'a')
  const child = spawn('java', args, { stdio: ['ignore', log, log] })
  closeSync(log)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) resolve()
      else reject(new Error(`kafka-storage format failed for ${configFile} (exit ${String(code)}); see ${logFile}`))
    })
  })
}

const live = new Set<ChildProcess>()
let safetyNetInstalled = false

/** Starts `kafka.Kafka <configFile>` with stdout and stderr appended to `logFile`. */
export function spawnBroker (libs: string, configFile: string, heapMb: number, logFile: string): ChildProcess {
  installSafetyNet()
  const args = [`-Xmx${String(heapMb)}m`, ...COMMON_JVM_FLAGS, '-cp', classpath(libs), 'kafka.Kafka', configFile]
  const log = openSync(logFile, 'a')
  // Own process group: a terminal Ctrl-C reaches the command under test first,
  // and the cluster is stopped after it, in order, by our code.
  const child = spawn('java', args, { stdio: ['ignore', log, log], detached: true })
  closeSync(log)
  live.add(child)
  child.once('exit', () => { live.delete(child) })
  return child
}

export function hasExited (child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null
}

/** SIGTERM (Kafka's controlled shutdown), then SIGKILL after `graceMs`; 0 kills at once. */
export async function stopProcess (child: ChildProcess, graceMs: number): Promise<void> {
  if (hasExited(child)) return
  const exited = new Promise<void>((resolve) => { child.once('exit', () => { resolve() }) })
  child.kill(graceMs === 0 ? 'SIGKILL' : 'SIGTERM')
  const timer = setTimeout(() => { child.kill('SIGKILL') }, graceMs)
  await exited
  clearTimeout(timer)
}

// Brokers are detached, so nothing else would stop them if this process ends
// without calling stop(): kill them on exit, and turn a fatal signal into an exit.
function installSafetyNet (): void {
  if (safetyNetInstalled) return
  safetyNetInstalled = true
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL')
  })
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      // Another listener (the CLI) owns shutdown and stops the cluster gracefully.
      if (process.listenerCount(signal) > 1) return
      process.exit(128 + constants.signals[signal])
    })
  }
}
