/**
 * The results as a table: plain text for the terminal, Markdown for the
 * docs. Same rows, same formatting of numbers.
 */
import type { ResultRow } from '../lib/results.ts'

export function formatNumber (value: number | null, unit: string): string {
  if (value === null || Number.isNaN(value)) return '—'
  if (unit === 'ms') return value.toFixed(value < 10 ? 2 : 1)
  if (unit === 'MB') return value.toFixed(0)
  return Math.round(value).toLocaleString('en-US')
}

function comparisonText (row: ResultRow): string {
  const c = row.comparison
  if (!c || c.kind === 'value') return ''
  if (c.kind === 'ratio') return `${(c.value * 100).toFixed(0)}%`
  return `${c.value >= 0 ? '+' : ''}${c.value.toFixed(2)} ${row.unit}`
}

export const HEADER = ['Scenario', 'Metric', 'Gateway', 'Baseline', 'Compared', 'Target', 'Met', 'Note']

export function tableCells (row: ResultRow): string[] {
  const unit = row.unit ? ` ${row.unit}` : ''
  return [
    row.scenario,
    row.metric,
    row.gateway === null ? '—' : formatNumber(row.gateway, row.unit) + unit,
    row.baseline === null ? '—' : `${formatNumber(row.baseline, row.unit)}${unit} (${row.baselineName})`,
    comparisonText(row),
    row.target?.text ?? '',
    row.target ? (row.target.met ? 'yes' : 'NO') : '',
    row.note ?? '',
  ]
}

export function textTable (rows: ResultRow[]): string {
  const cells = [HEADER, ...rows.map(tableCells)]
  const widths = HEADER.map((_, i) => Math.max(...cells.map(r => r[i]!.length)))
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()
  return [line(cells[0]!), widths.map(w => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}

export function markdownTable (rows: ResultRow[]): string {
  const escape = (c: string): string => c.replace(/\|/g, '\\|')
  return [
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map(() => '---').join('|')}|`,
    ...rows.map(r => `| ${tableCells(r).map(escape).join(' | ')} |`),
  ].join('\n')
}
