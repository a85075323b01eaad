/**
 * How a direct-client process takes its arguments (one JSON argument) and
 * reports (one JSON line on stdout, then exit 0).
 */
export function readArgs<T> (): T {
  const raw = process.argv[2]
  if (!raw) throw new Error('expected one JSON argument')
  return JSON.parse(raw) as T
}

export function report (result: object): void {
  process.stdout.write(JSON.stringify(result) + '\n')
}

export function failed (error: unknown): never {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
}
