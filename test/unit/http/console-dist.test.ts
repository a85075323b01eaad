/**
 * The console is found in <project root>/console/dist whether the gateway
 * runs from src/ (type stripping) or from the compiled dist/src/.
 */
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { test } from 'node:test'
import { ensureBuilt } from '../../../scripts/build.ts'
import { DEFAULT_CONSOLE_DIST } from '../../../src/http/console/index.ts'
import { findPackageRoot, PACKAGE_NAME } from '../../../src/package-root.ts'

const ROOT = join(import.meta.dirname, '..', '..', '..')

test('the package root is found from the source and from the compiled layout', t => {
  const root = mkdtempSync(join(tmpdir(), 'package-root-'))
  t.after(() => rmSync(root, { recursive: true, force: true }))
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: PACKAGE_NAME }))
  for (const layout of [['src'], ['dist', 'src']]) mkdirSync(join(root, ...layout, 'http', 'console'), { recursive: true })
  // A package.json of something else on the way up (here: one that only sets the module type) is not the root.
  writeFileSync(join(root, 'dist', 'package.json'), JSON.stringify({ type: 'module' }))
  assert.equal(findPackageRoot(join(root, 'src', 'http', 'console')), root)
  assert.equal(findPackageRoot(join(root, 'dist', 'src', 'http', 'console')), root)
  assert.equal(findPackageRoot(join(root, 'src'), 'another-package'), undefined)
})

test('the console build is looked for in this checkout\'s console/dist', () => {
  assert.equal((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string }).name, PACKAGE_NAME)
  assert.equal(DEFAULT_CONSOLE_DIST, join(ROOT, 'console', 'dist'))
})

test('the compiled gateway (npm run build) looks in the same console/dist', { timeout: 120_000 }, async () => {
  // Builds when dist/ is missing or stale (under make test it is already built).
  ensureBuilt()
  const compiled = join(ROOT, 'dist', 'src', 'http', 'console', 'index.js')
  const module = await import(pathToFileURL(compiled).href) as { DEFAULT_CONSOLE_DIST: string }
  assert.equal(module.DEFAULT_CONSOLE_DIST, join(ROOT, 'console', 'dist'))
})
