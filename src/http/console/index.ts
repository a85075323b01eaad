/**
 * Serves the web console, built into console/dist by `make console-build` (and by
 * `make run`), at /console. The console is a single-page app: a client route
 * such as /console/topics/orders gets index.html, while a missing asset
 * (/console/assets/x.js) stays a 404 so a browser never runs HTML as script.
 * Without a build, /console explains how to make one instead of failing
 * with a bare 404.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { PACKAGE_ROOT } from '../../package-root.ts'
import { missingBuildPage } from './missing-build-page.ts'

export const CONSOLE_PREFIX = '/console'

/** console/dist in the project root (next to src/ and dist/), whichever directory the gateway was started from. */
export const DEFAULT_CONSOLE_DIST = join(PACKAGE_ROOT, 'console', 'dist')

/**
 * The console holds a bearer token in the page, so it takes no script, style
 * or frame from anywhere but the gateway itself, and no site may frame it.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
}

export interface ConsoleOptions {
  /** Directory with the built console (index.html and assets/). */
  distDir?: string
}

function isAssetPath (url: string): boolean {
  const last = url.split('?')[0]!.split('/').pop() ?? ''
  return last.includes('.')
}

function setSecurityHeaders (reply: FastifyReply): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value)
}

export async function consolePlugin (app: FastifyInstance, options: ConsoleOptions = {}): Promise<void> {
  const distDir = options.distDir ?? DEFAULT_CONSOLE_DIST
  const hidden = { hide: true }

  app.get(CONSOLE_PREFIX, { schema: hidden }, async (_request, reply) => reply.redirect(`${CONSOLE_PREFIX}/`, 302))

  if (!existsSync(resolve(distDir, 'index.html'))) {
    const answer = async (_request: unknown, reply: FastifyReply) => reply.code(503).header('retry-after', '30').type('text/html; charset=utf-8').send(missingBuildPage(distDir))
    app.get(`${CONSOLE_PREFIX}/`, { schema: hidden }, answer)
    app.get(`${CONSOLE_PREFIX}/*`, { schema: hidden }, answer)
    return
  }

  await app.register(async scope => {
    scope.addHook('onSend', async (_request, reply) => { setSecurityHeaders(reply) })
    await scope.register(fastifyStatic, {
      root: distDir,
      prefix: '/',
      index: 'index.html',
      cacheControl: false,
      // Vite puts a content hash in every asset name: they never change, so cache them for good.
      // index.html names the current hashes, so it is revalidated on every load.
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes(`${resolve(distDir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
    scope.setNotFoundHandler(async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return reply.code(404).type('text/plain').send('Not found')
      if (isAssetPath(request.url)) return reply.code(404).type('text/plain').send(`No such console file: ${request.url.split('?')[0]}`)
      reply.header('cache-control', 'no-cache')
      return reply.sendFile('index.html')
    })
  }, { prefix: CONSOLE_PREFIX })
}
