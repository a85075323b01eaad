/**
 * Plain-text rendering for the CLI: aligned columns for lists, `name: value`
 * lines for one item. `--json` prints the API answer instead.
 */
export function table (rows: Array<Record<string, string>>, columns: string[]): string {
  if (rows.length === 0) return '(none)'
  const widths = columns.map(c => Math.max(c.length, ...rows.map(r => (r[c] ?? '').length)))
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()
  return [line(columns.map(c => c.toUpperCase())), ...rows.map(r => line(columns.map(c => r[c] ?? '')))].join('\n')
}

export function fields (entries: Array<[string, string]>): string {
  const width = Math.max(...entries.map(([name]) => name.length))
  return entries.map(([name, value]) => `${`${name}:`.padEnd(width + 1)} ${value}`).join('\n')
}
