/**
 * The machine a run measured: results only mean something next to it.
 */
import { readFileSync } from 'node:fs'
import { availableParallelism, totalmem } from 'node:os'

export interface MachineInfo {
  cores: number
  cpu: string
  memoryGiB: number
  node: string
  kafka: string
  loadAverageAtStart: number[]
}

export function describeMachine (kafkaVersion: string): MachineInfo {
  let cpu = 'unknown'
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu
  } catch { /* not Linux */ }
  let load: number[] = []
  try {
    load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number)
  } catch { /* not Linux */ }
  return { cores: availableParallelism(), cpu, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, kafka: kafkaVersion, loadAverageAtStart: load }
}
