/**
 * The directory holding this project's package.json, found by walking up from
 * a module's own directory. The answer is the same whether the gateway runs
 * from src/ (type stripping), from the compiled dist/src/ (`npm run build`),
 * or installed under node_modules, so files outside the compiled tree
 * (console/dist) are found from any of them.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** The `name` in package.json: a package.json of another package on the way up is skipped. */
export const PACKAGE_NAME = 'kafka-http-gateway'

export function findPackageRoot (fromDir: string, name = PACKAGE_NAME): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === name) return dir
    } catch { /* no package.json here, or not JSON */ }
    if (dirname(dir) === dir) return undefined
  }
}

/** This project's root; src/.. when no package.json names it (a copied tree), as before. */
export const PACKAGE_ROOT = findPackageRoot(import.meta.dirname) ?? join(import.meta.dirname, '..')
