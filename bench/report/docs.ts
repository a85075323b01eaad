/**
 * Puts the latest results into the documents that show them, between
 * `<!-- bench:start -->` and `<!-- bench:end -->` (docs/benchmarks.md, and
 * the README's benchmark section when it has the markers).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { MachineInfo } from '../lib/machine.ts'
import type { ResultRow } from '../lib/results.ts'
import { markdownTable } from './table.ts'

const START = '<!-- bench:start -->'
const END = '<!-- bench:end -->'

export function resultsMarkdown (rows: ResultRow[], machine: MachineInfo, date: Date, workers: number, chartPath: string): string {
  return [
    `Run on ${date.toISOString().slice(0, 10)}: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB RAM, Node ${machine.node}, Kafka ${machine.kafka}; gateway with ${workers} workers; load average at start ${machine.loadAverageAtStart.join(' ')} (the machine is shared). Medians of short repeated runs; gateway and baseline measured back to back in the same run.`,
    '',
    markdownTable(rows),
    '',
    `![Benchmark chart](${chartPath})`,
  ].join('\n')
}

/** Replaces the marked section of `file`; returns false when the file or its markers are missing. */
export function updateMarkedSection (file: string, content: string): boolean {
  if (!existsSync(file)) return false
  const text = readFileSync(file, 'utf8')
  const start = text.indexOf(START)
  const end = text.indexOf(END)
  if (start === -1 || end < start) return false
  writeFileSync(file, `${text.slice(0, start + START.length)}\n${content}\n${text.slice(end)}`)
  return true
}
