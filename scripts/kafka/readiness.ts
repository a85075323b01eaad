// Decides when a freshly started broker can serve clients: it must answer a
// real Kafka Metadata request on its client port AND list itself among the
// brokers, which only happens once it has registered with the controller
// quorum and been unfenced.
import { Admin } from '@platformatic/kafka'
import type { ChildProcess } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { hasExited } from './jvm.ts'
import { HOST } from './ports.ts'

const POLL_MS = 250

export interface ProbeTarget {
  id: number
  port: number
  logFile: string
}

async function registered (target: ProbeTarget): Promise<boolean> {
  const admin = new Admin({
    clientId: 'local-kafka-readiness',
    bootstrapBrokers: [`${HOST}:${String(target.port)}`],
    retries: 0,
    connectTimeout: 1000,
    requestTimeout: 2000,
  })
  try {
    const metadata = await admin.metadata({ topics: [] })
    return metadata.brokers.has(target.id)
  } catch {
    // Refused or not answering yet: the JVM is still starting.
    return false
  } finally {
    await admin.close()
  }
}

/** Resolves once the broker is ready; rejects with one line naming broker, port and log. */
export async function waitUntilReady (target: ProbeTarget, child: ChildProcess, timeoutMs: number): Promise<void> {
  const name = `Kafka broker ${String(target.id)} (${HOST}:${String(target.port)})`
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      const how = child.exitCode !== null ? `code ${String(child.exitCode)}` : `signal ${String(child.signalCode)}`
      throw new Error(`${name} exited with ${how} during startup; see ${target.logFile}`)
    }
    if (await registered(target)) return
    await sleep(POLL_MS)
  }
  throw new Error(`${name} was not ready within ${String(timeoutMs / 1000)} s; see ${target.logFile}`)
}
