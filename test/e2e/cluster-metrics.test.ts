import assert from 'node:assert/strict'
import { request } from 'node:http'
import { test } from 'node:test'
import { bootstrapFromEnv, createTopic, startTestGateway } from '../support/gateway.ts'
import { startGatewayProcess } from '../support/gateway-process.ts'

/** One request on a connection of its own, so the port hands it to any worker. */
function onFreshConnection (url: string, method = 'GET', body?: string): Promise<{ status: number, text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers: { connection: 'close', ...(body ? { 'content-type': 'application/json' } : {}) } }, res => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => { text += chunk })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

test('with two workers every /metrics scrape counts what all of them served', { timeout: 60_000 }, async t => {
  const admin = await startTestGateway(t)
  const topic = await createTopic(t, admin.gateway)
  const gateway = await startGatewayProcess({ KAFKA_BOOTSTRAP_SERVERS: bootstrapFromEnv(), GATEWAY_WORKERS: '2' })
  t.after(() => gateway.stop('SIGKILL'))
  // Both workers ready: several readiness answers in a row, each on a new connection.
  for (let inARow = 0, i = 0; inARow < 8 && i < 200; i++) {
    const ready = (await onFreshConnection(`${gateway.url}/readyz`)).status === 200
    inARow = ready ? inARow + 1 : 0
    if (!ready) await new Promise(resolve => setTimeout(resolve, 100))
  }

  const produces = 8
  for (let i = 0; i < produces; i++) {
    const answer = await onFreshConnection(`${gateway.url}/gateway/v1/topics/${topic}/records`, 'POST', JSON.stringify({ value: { i } }))
    assert.equal(answer.status, 200, answer.text)
  }
  const seen: number[] = []
  for (let i = 0; i < 4; i++) {
    const scrape = await onFreshConnection(`${gateway.url}/metrics`)
    assert.equal(scrape.status, 200, scrape.text)
    seen.push(Number(/^gateway_records_produced_total (\d+)$/m.exec(scrape.text)?.[1]))
  }
  assert.deepEqual(seen, [produces, produces, produces, produces], 'each scrape, whichever worker answers it, has every record produced')
})
