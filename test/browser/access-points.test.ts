/**
 * Access points: create one for a topic in the console, pause it and see its
 * status change on the page and in the API, then resume it.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createTopic } from '../support/gateway.ts'
import { consoleUrl, openBrowser, screenshot } from './support/browser.ts'
import { ADMIN_TOKEN, signIn, startConsoleGateway } from './support/console-gateway.ts'

test('access points: create, pause, resume', async (t) => {
  const gw = await startConsoleGateway(t)
  const topic = await createTopic(t, gw.gateway)
  const { page, problems } = await openBrowser(t)
  await signIn(page, gw.url)
  problems.splice(0) // the tokenless whoami probe before sign-in answers 401

  await page.goto(consoleUrl(gw.url, '/access-points'))
  await page.getByRole('button', { name: 'Create the first access point' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Name').fill('sensor-fleet')
  await dialog.getByLabel('Topic').selectOption(topic)
  await dialog.getByLabel('Records per second').fill('50')
  await screenshot(page, 'access-points-create')
  await dialog.getByRole('button', { name: 'Create access point' }).click()

  const card = page.locator('li.access-point').filter({ hasText: 'sensor-fleet' })
  const status = card.getByTestId('access-point-status')
  await status.filter({ hasText: 'Running' }).waitFor()
  await screenshot(page, 'access-points')

  await card.getByRole('button', { name: 'Pause sensor-fleet' }).click()
  await status.filter({ hasText: 'Paused' }).waitFor()
  await card.getByRole('button', { name: 'Resume sensor-fleet' }).waitFor()
  await screenshot(page, 'access-points-paused')

  // The page reflects the gateway's state, not just its own.
  const id = await card.getAttribute('data-access-point')
  const response = await fetch(`${gw.url}/gateway/v1/access-points/${id}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
  assert.equal(response.status, 200)
  assert.equal((await response.json() as { status: string }).status, 'paused')

  await card.getByRole('button', { name: 'Resume sensor-fleet' }).click()
  await status.filter({ hasText: 'Running' }).waitFor()
  assert.deepEqual(problems, [])
})
