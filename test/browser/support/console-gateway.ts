/**
 * A gateway for browser tests: real broker, listening on a random port, with
 * authentication required so the console's sign-in page is exercised.
 */
import { randomBytes } from 'node:crypto'
import type { TestContext } from 'node:test'
import type { Page } from 'playwright-core'
import { startTestGateway, type TestGateway } from '../../support/gateway.ts'
import { consoleUrl } from './browser.ts'

export const ADMIN_TOKEN = `console-admin-${randomBytes(12).toString('hex')}`

export async function startConsoleGateway (t: TestContext, bootstrap?: string): Promise<TestGateway> {
  return await startTestGateway(t, {
    listen: true,
    ...(bootstrap ? { bootstrap } : {}),
    env: {
      GATEWAY_AUTH_MODE: 'required',
      GATEWAY_ADMIN_TOKEN: ADMIN_TOKEN,
      GATEWAY_MASTER_KEY: `master-${randomBytes(16).toString('hex')}`,
    },
  })
}

/** Opens the console, signs in with the admin token and waits for the overview. */
export async function signIn (page: Page, gatewayUrl: string): Promise<void> {
  await page.goto(consoleUrl(gatewayUrl, '/'))
  await page.getByLabel('API token or OIDC bearer token').fill(ADMIN_TOKEN)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor()
}
