/**
 * Topics and messages: create a topic in the console, produce a record to it,
 * find the record in the browser by its offset, and see a record produced
 * through the API arrive in the live tail.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { randomTopic } from '../support/gateway.ts'
import { consoleUrl, openBrowser, screenshot } from './support/browser.ts'
import { ADMIN_TOKEN, signIn, startConsoleGateway } from './support/console-gateway.ts'

test('messages: create a topic, produce, browse by offset, live tail', async (t) => {
  const gw = await startConsoleGateway(t)
  const { page, problems } = await openBrowser(t)
  const topic = randomTopic('console')
  gw.defer(async () => { await gw.gateway.admin.deleteTopic(topic) })
  await signIn(page, gw.url)
  // Opening the console probes whoami without a token (a 401 here): that is how it finds sign-in is needed.
  problems.splice(0)

  // Create the topic through the dialog.
  await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: 'Topics' }).click()
  await page.getByRole('button', { name: 'Create topic' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Name').fill(topic)
  await dialog.getByLabel('Partitions').fill('1')
  await screenshot(page, 'topics-create')
  await dialog.getByRole('button', { name: 'Create topic' }).click()
  // The console opens the new topic's page, then lists it with the others.
  await page.getByRole('heading', { name: topic, level: 1 }).waitFor()
  await screenshot(page, 'topic-detail')
  await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: 'Topics' }).click()
  await page.getByRole('link', { name: topic, exact: true }).waitFor()
  await screenshot(page, 'topics')

  // Produce two records, so the one we look for is not simply the first.
  await page.goto(consoleUrl(gw.url, `/messages?topic=${encodeURIComponent(topic)}`))
  await page.getByRole('tab', { name: 'Produce' }).click()
  const producePanel = page.getByRole('tabpanel', { name: 'Produce' })
  const produced: string[] = []
  for (const word of ['first', 'second']) {
    await producePanel.getByRole('textbox', { name: 'Key (optional)' }).fill(`k-${word}`)
    await producePanel.getByLabel('Value', { exact: true }).fill(JSON.stringify({ word }))
    await page.getByRole('button', { name: 'Produce message' }).click()
    const status = page.locator('.success-box')
    await status.filter({ hasText: `offset ${produced.length}` }).waitFor()
    produced.push(await status.innerText())
  }
  assert.match(produced[1]!, /offset 1/)
  await screenshot(page, 'messages-produce')

  // Find the second record by its offset.
  await page.getByRole('tab', { name: 'Browse' }).click()
  const browsePanel = page.getByRole('tabpanel', { name: 'Browse' })
  await browsePanel.getByRole('radio', { name: 'Offset' }).check()
  await browsePanel.getByRole('spinbutton', { name: 'Offset' }).fill('1')
  await browsePanel.getByLabel('Records to read').fill('1')
  await page.getByRole('button', { name: 'Read records' }).click()
  const list = page.getByRole('list', { name: `Records of ${topic}, partition 0` })
  await list.getByRole('listitem').filter({ hasText: 'k-second' }).first().waitFor()
  const browsed = await list.innerText()
  assert.match(browsed, /#1\b/)
  assert.doesNotMatch(browsed, /k-first/)
  await screenshot(page, 'messages-browse')

  // Live tail: a record produced through the API after the tail starts shows up.
  await page.getByRole('tab', { name: 'Live tail' }).click()
  await page.getByRole('button', { name: 'Start live tail' }).click()
  await page.getByTestId('tail-status').filter({ hasText: 'Live ·' }).waitFor()
  const response = await fetch(`${gw.url}/gateway/v1/topics/${topic}/records?valueEncoding=json`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ records: [{ key: 'k-tail', value: { word: 'tailed' } }] }),
  })
  assert.equal(response.status, 200, await response.text())
  const tail = page.getByRole('list', { name: `Live records of ${topic}` })
  await tail.getByRole('listitem').filter({ hasText: 'k-tail' }).first().waitFor()
  assert.match(await tail.innerText(), /k-tail/)
  await screenshot(page, 'messages-live-tail')
  await page.getByRole('button', { name: 'Stop' }).click()
  assert.deepEqual(problems, [])
})
