/**
 * The console plugin: SPA fallback for client routes, 404 for missing
 * assets, cache and security headers, and a clear 503 without a build.
 * Uses a small dist folder made here, so it does not need `make console-build`.
 */
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, type TestContext } from 'node:test'
import Fastify from 'fastify'
import { consolePlugin } from '../../src/http/console/index.ts'

async function appWith (t: TestContext, distDir: string) {
  const app = Fastify()
  await app.register(consolePlugin, { distDir })
  t.after(() => app.close())
  return app
}

function fakeBuild (t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'console-dist-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title><script type="module" src="/console/assets/app-abc123.js"></script>')
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log(1)')
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

test('/console redirects to /console/, which serves index.html uncached with a strict CSP', async t => {
  const app = await appWith(t, fakeBuild(t))
  const redirect = await app.inject('/console')
  assert.equal(redirect.statusCode, 302)
  assert.equal(redirect.headers.location, '/console/')
  const index = await app.inject('/console/')
  assert.equal(index.statusCode, 200)
  assert.match(String(index.headers['content-type']), /text\/html/)
  assert.equal(index.headers['cache-control'], 'no-cache')
  assert.match(String(index.headers['content-security-policy']), /script-src 'self'/)
  assert.match(String(index.headers['content-security-policy']), /frame-ancestors 'none'/)
})

test('client routes get index.html; hashed assets are cached for good; a missing asset is a 404, never HTML', async t => {
  const app = await appWith(t, fakeBuild(t))
  const route = await app.inject('/console/topics/orders?x=1')
  assert.equal(route.statusCode, 200)
  assert.match(route.body, /<title>console<\/title>/)
  const asset = await app.inject('/console/assets/app-abc123.js')
  assert.equal(asset.statusCode, 200)
  assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable')
  const missing = await app.inject('/console/assets/app-gone.js')
  assert.equal(missing.statusCode, 404)
  assert.doesNotMatch(missing.body, /<title>/)
})

test('without a build, /console answers 503 saying how to build it', async t => {
  const app = await appWith(t, join(tmpdir(), 'no-console-build-here'))
  for (const url of ['/console/', '/console/topics']) {
    const response = await app.inject(url)
    assert.equal(response.statusCode, 503)
    assert.match(response.body, /make console-build/)
    assert.match(response.body, /make run/)
  }
})
