/**
 * Browser-test helpers: Debian's headless Chromium driven by playwright-core
 * (no browser download: the `chromium` package is installed by the project
 * setup), a fresh profile per test, and screenshots saved as test artifacts
 * under test-results/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { TestContext } from 'node:test'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../../test-results/screenshots')
const CONSOLE_DIST = resolve(import.meta.dirname, '../../../console/dist/index.html')

/** Flags for a closed network: without the background-networking ones Chromium waits on services it cannot reach. */
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]

export const LAPTOP = { width: 1366, height: 900 }
export const PHONE = { width: 390, height: 844 }

export function assertPrerequisites (): void {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (make install does), or set CHROMIUM_PATH`)
  if (!existsSync(CONSOLE_DIST)) throw new Error('the console is not built (console/dist/index.html is missing): run `make console-build` first')
}

export interface BrowserSession {
  context: BrowserContext
  page: Page
  /** Every console error and failed request, so a test can show what went wrong. */
  problems: string[]
}

/** A fresh browser with its own profile, closed (and the profile deleted) after the test. */
export async function openBrowser (t: TestContext, viewport = LAPTOP): Promise<BrowserSession> {
  assertPrerequisites()
  const profile = mkdtempSync(join(tmpdir(), 'console-test-profile-'))
  // A persistent context is how Playwright takes a --user-data-dir of our choosing.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    reducedMotion: 'reduce',
    timeout: 60_000,
  })
  context.setDefaultTimeout(15_000)
  const page = context.pages()[0] ?? await context.newPage()
  const problems: string[] = []
  page.on('console', message => { if (message.type() === 'error') problems.push(`console: ${message.text()}`) })
  page.on('pageerror', error => problems.push(`page error: ${error.message}`))
  t.after(async () => {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  })
  return { context, page, problems }
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
export async function screenshot (page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

export function consoleUrl (gatewayUrl: string, path = '/'): string {
  return `${gatewayUrl}/console${path}`
}
