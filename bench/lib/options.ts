/**
 * Command line of `node bench/run.ts`, and the loads of a full run versus a
 * smoke run (seconds, tiny loads: it only shows that every scenario works).
 */
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'

export const SCENARIOS = ['produce-single', 'produce-batch', 'produce-stream', 'fetch', 'latency', 'memory'] as const
export type ScenarioName = (typeof SCENARIOS)[number]

export interface Loads {
  warmupSeconds: number
  durationSeconds: number
  /** Short runs repeated, the median reported: the machine is shared and noisy. */
  repeats: number
  singleConnections: number
  batchConnections: number
  recordsPerBatch: number
  /** Records written per partition before the fetch runs (100,000: reads of 1–2 s; 30,000 gave 0.3–0.6 s reads that varied by ±25%). */
  fetchRecordsPerPartition: number
  latencySeconds: number
  /** Latency runs per side: short windows, many of them, so one stall of the shared machine moves the median little (the worst window is reported too). */
  latencyRepeats: number
  memoryConnections: number
  memorySeconds: number
  outageSeconds: number
  /** Load before and after the outage. */
  outageMarginSeconds: number
}

const FULL: Loads = {
  warmupSeconds: 2,
  durationSeconds: 8,
  repeats: 3,
  singleConnections: 64,
  batchConnections: 16,
  recordsPerBatch: 100,
  fetchRecordsPerPartition: 100_000,
  latencySeconds: 5,
  latencyRepeats: 7,
  memoryConnections: 1000,
  memorySeconds: 10,
  outageSeconds: 30,
  outageMarginSeconds: 10,
}

const SMOKE: Loads = {
  warmupSeconds: 0.3,
  durationSeconds: 1,
  repeats: 1,
  singleConnections: 4,
  batchConnections: 2,
  recordsPerBatch: 10,
  fetchRecordsPerPartition: 100,
  latencySeconds: 1,
  latencyRepeats: 1,
  memoryConnections: 50,
  memorySeconds: 1,
  outageSeconds: 2,
  outageMarginSeconds: 1,
}

export interface BenchOptions {
  smoke: boolean
  loads: Loads
  scenarios: ScenarioName[]
  /** Workers of the gateway under test (default: one per core); 1 is measured too, for scaling. */
  workers: number
  /** Write CPU profiles of every gateway process here (node --cpu-prof). */
  profileDir: string | undefined
  /** Where results go (latest.json, latest.png); none for smoke runs unless given. */
  outDir: string | undefined
}

export function parseBenchArgs (argv: string[], defaultOutDir: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean', default: false },
      scenarios: { type: 'string' },
      workers: { type: 'string' },
      repeats: { type: 'string' },
      duration: { type: 'string' },
      profile: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  })
  const loads = { ...(values.smoke ? SMOKE : FULL) }
  if (values.repeats !== undefined) loads.repeats = positive('--repeats', values.repeats)
  if (values.duration !== undefined) loads.durationSeconds = positive('--duration', values.duration)
  const scenarios = values.scenarios === undefined ? [...SCENARIOS] : values.scenarios.split(',').map(name => {
    if (!(SCENARIOS as readonly string[]).includes(name)) throw new Error(`unknown scenario ${name}; choose from ${SCENARIOS.join(', ')}`)
    return name as ScenarioName
  })
  return {
    smoke: values.smoke,
    loads,
    scenarios,
    workers: values.workers === undefined ? availableParallelism() : positive('--workers', values.workers),
    profileDir: values.profile,
    outDir: values.out ?? (values.smoke ? undefined : defaultOutDir),
  }
}

function positive (flag: string, raw: string): number {
  const value = Number(raw)
  if (!(value > 0)) throw new Error(`${flag} must be a positive number; got ${raw}`)
  return value
}
