/**
 * The compiled gateway that production and the bench run (`npm run build`:
 * tsconfig.build.json, src/ and bin/ → dist/src/, dist/bin/), and the Node
 * flags it runs with. The flags are defined once, in package.json
 * `config.nodeFlags`: `npm start` reads them as $npm_package_config_nodeFlags,
 * the bench through nodeFlags() below.
 *
 *   node scripts/build.ts    runs `npm run build` when dist/ is missing or older than src/, bin/ or a tsconfig
 *
 * `npm start` runs it first (prestart), so a checkout never starts stale
 * JavaScript; where dist/ is up to date (or src/ is not shipped) it does nothing.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '..')
/** The gateway's entry point in the build output. */
export const MAIN_JS = join(ROOT, 'dist', 'src', 'main.js')
const INPUT_DIRS = ['src', 'bin']
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json']

/** package.json config.nodeFlags as arguments for `node`, e.g. ['--max-semi-space-size=16', …]. */
export function nodeFlags (): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { config?: { nodeFlags?: unknown } }
  const flags = manifest.config?.nodeFlags
  if (typeof flags !== 'string') throw new Error('package.json has no config.nodeFlags string')
  return flags.split(/\s+/).filter(flag => flag !== '')
}

function newestInput (): number {
  let newest = 0
  for (const dir of INPUT_DIRS) {
    if (!existsSync(join(ROOT, dir))) continue
    for (const entry of readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
    }
  }
  for (const file of INPUT_FILES) if (existsSync(join(ROOT, file))) newest = Math.max(newest, statSync(join(ROOT, file)).mtimeMs)
  return newest
}

/** dist/ is missing, or a source is newer than it (tsc rewrites every output, so main.js dates the build). */
export function buildIsStale (): boolean {
  return !existsSync(MAIN_JS) || newestInput() > statSync(MAIN_JS).mtimeMs
}

/** Builds when stale; tsc's output goes to stderr, so a caller's stdout stays its own. Throws when the build fails. */
export function ensureBuilt (log: (line: string) => void = line => { process.stderr.write(line + '\n') }): void {
  if (!buildIsStale()) return
  log(`building dist/ (npm run build): ${existsSync(MAIN_JS) ? 'src/ changed since the last build' : 'no build yet'}`)
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] })
}

if (import.meta.main) {
  try {
    ensureBuilt()
  } catch {
    // npm has printed tsc's errors.
    process.exit(1)
  }
}
