/**
 * Rewrites the configuration table in README.md between its markers from the
 * config schema: `node scripts/update-readme-config.ts`.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const readmePath = join(import.meta.dirname, '..', 'README.md')
const table = execFileSync(process.execPath, [join(import.meta.dirname, 'config-table.ts')], { encoding: 'utf8' })
const readme = readFileSync(readmePath, 'utf8')
const updated = readme.replace(/(<!-- config-table:start -->\n)[\s\S]*?(<!-- config-table:end -->)/, `$1${table}$2`)
writeFileSync(readmePath, updated)
