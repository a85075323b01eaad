/**
 * Sign-in against a gateway that requires authentication: a wrong token is
 * refused on the page, the admin token opens the overview with the cluster.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { consoleUrl, openBrowser, screenshot } from './support/browser.ts'
import { ADMIN_TOKEN, startConsoleGateway } from './support/console-gateway.ts'

test('sign in: a wrong token is refused, the admin token shows the overview', async (t) => {
  const gw = await startConsoleGateway(t)
  const { page, problems } = await openBrowser(t)

  await page.goto(consoleUrl(gw.url, '/'))
  const token = page.getByLabel('API token or OIDC bearer token')
  await screenshot(page, 'sign-in')
  await token.fill('not-a-valid-token')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.getByRole('alert').filter({ hasText: /./ }).first().waitFor()
  assert.equal(await token.getAttribute('aria-invalid'), 'true')

  await token.fill(ADMIN_TOKEN)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor()
  await page.getByRole('cell', { name: 'controller' }).or(page.getByText('controller', { exact: true })).first().waitFor()
  const header = await page.locator('header').innerText()
  assert.match(header, /admin/)
  await screenshot(page, 'overview')

  // The other sections open from the navigation, each with its own heading.
  const nav = page.getByRole('navigation', { name: 'Console sections' })
  for (const [link, heading, name] of [['Consumer groups', 'Consumer groups', 'groups'], ['Credentials', 'Credentials and permissions', 'credentials']] as const) {
    await nav.getByRole('link', { name: link }).click()
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor()
    await page.locator('.state-loading').first().waitFor({ state: 'detached' })
    await screenshot(page, name)
  }
  // The 401 of the wrong token is the only error the browser may have logged.
  assert.deepEqual(problems.filter(p => !/401/.test(p)), [])
})
