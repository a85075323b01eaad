/**
 * Prints the configuration table (markdown) from the config schema, so the
 * README never drifts from what the gateway accepts: `node scripts/config-table.ts`.
 */
import { listSettings } from '../src/config/settings-walk.ts'

function show (value: unknown): string {
  if (value === undefined) return ''
  if (Array.isArray(value)) return value.length === 0 ? '(empty)' : `\`${value.join(',')}\``
  return `\`${String(value)}\``
}

const rows = listSettings().map(s => {
  const type = s.kind === 'enum' ? s.choices.join(' \\| ') : s.kind
  return `| \`${s.env}\` | \`${s.path.join('.')}\` | ${type} | ${show(s.defaultValue)} | ${s.description} |`
})
process.stdout.write(['| Variable | Config file key | Type | Default | Meaning |', '|---|---|---|---|---|', ...rows].join('\n') + '\n')
