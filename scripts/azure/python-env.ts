/**
 * The Python environment of the Azure sample (scripts/azure/requirements.txt)
 * in a virtualenv under the git-ignored .cache/, made from the project's
 * files alone: `python3 -m venv`, then pip from PyPI. Reinstalled only when
 * requirements.txt changes. Fails (never skips) without python3.
 *
 *   node scripts/azure/python-env.ts     # prints the venv's python
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const ROOT = join(import.meta.dirname, '..', '..')
export const REQUIREMENTS = join(ROOT, 'scripts', 'azure', 'requirements.txt')
export const VENV_DIR = join(ROOT, '.cache', 'azure-python')
const STAMP = join(VENV_DIR, '.requirements.sha256')

/** The interpreter that creates the venv: $PYTHON, else python3 on PATH. */
function basePython (): string {
  return process.env.PYTHON ?? 'python3'
}

async function output (file: string, args: string[], timeoutMs: number): Promise<string> {
  try {
    const { stdout, stderr } = await run(file, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 })
    return `${stdout}${stderr}`
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stdout?: string, stderr?: string }
    if (e.code === 'ENOENT') throw new Error(`${file} was not found: the Azure sample needs Python 3 with venv and pip (set PYTHON to another interpreter)`, { cause: error })
    throw new Error(`${file} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: error })
  }
}

/** Creates or updates the venv when needed and returns the path of its python. */
export async function ensurePythonEnv (): Promise<string> {
  const python = join(VENV_DIR, 'bin', 'python')
  const wanted = createHash('sha256').update(readFileSync(REQUIREMENTS)).digest('hex')
  if (existsSync(python) && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === wanted) return python
  await output(basePython(), ['--version'], 10_000)
  if (!existsSync(python)) await output(basePython(), ['-m', 'venv', VENV_DIR], 120_000)
  await output(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '--quiet', '-r', REQUIREMENTS], 300_000)
  writeFileSync(STAMP, `${wanted}\n`)
  return python
}

if (import.meta.main) {
  console.log(await ensurePythonEnv())
}
