/**
 * Kafka down: on a private broker, the console works, then the broker stops
 * and the topics page shows an error state instead of an empty list or a spinner.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { startKafkaCluster } from '../../scripts/kafka/cluster.ts'
import { createTopic } from '../support/gateway.ts'
import { consoleUrl, openBrowser, screenshot } from './support/browser.ts'
import { signIn, startConsoleGateway } from './support/console-gateway.ts'

test('kafka down: the topics page shows an error state', async (t) => {
  const cluster = await startKafkaCluster({ brokers: 1 })
  t.after(() => cluster.stop())
  const gw = await startConsoleGateway(t, cluster.bootstrap)
  const topic = await createTopic(t, gw.gateway)
  const { page } = await openBrowser(t)
  await signIn(page, gw.url)

  await page.goto(consoleUrl(gw.url, '/topics'))
  await page.getByRole('heading', { name: 'Topics', level: 1 }).waitFor()
  await page.getByRole('link', { name: topic, exact: true }).waitFor()
  assert.equal(await page.locator('.state-error').count(), 0)

  await cluster.stop()
  await page.reload()
  const error = page.locator('.state-error')
  await error.waitFor({ timeout: 90_000 })
  const text = await error.innerText()
  assert.match(text, /Kafka is unavailable|HTTP 50\d/)
  await screenshot(page, 'kafka-down')
})
