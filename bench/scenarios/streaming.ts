/**
 * Scenario 3: streaming produce on the Confluent v3 records route. The
 * client writes concatenated JSON records into one chunked request and the
 * gateway streams back one report per record ending in \r\n. A window
 * bounds records written but not yet reported, as a real client must.
 * Compared with the direct client sending one record per send.
 */
import { request } from 'node:http'
import type { BenchContext } from '../lib/context.ts'
import { confluentClusterId } from '../lib/confluent.ts'
import { PARTITIONS } from '../lib/broker.ts'
import { recordValue } from '../lib/payloads.ts'
import { runDirect } from '../lib/processes.ts'
import { notAvailable, ratioRow } from '../lib/results.ts'
import { median } from '../lib/stats.ts'
import type { DirectProduceResult } from './produce.ts'

const SCENARIO = '3. streaming produce (Confluent v3, chunked)'
const WINDOW = 256

interface StreamRun { recordsPerSecond: number, failedReports: number }

function streamRecords (url: string, seconds: number): Promise<StreamRun> {
  const record = Buffer.from(JSON.stringify({ value: { type: 'STRING', data: recordValue() } }))
  return new Promise((resolve, reject) => {
    let written = 0
    let reported = 0
    let failed = 0
    let tail = ''
    let ending = false
    let waitingForDrain = false
    const started = performance.now()
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } })
    const pump = (): void => {
      if (ending || waitingForDrain) return
      if (performance.now() - started >= seconds * 1000) { ending = true; req.end(); return }
      while (written - reported < WINDOW) {
        written++
        if (!req.write(record)) {
          waitingForDrain = true
          req.once('drain', () => { waitingForDrain = false; pump() })
          return
        }
      }
    }
    req.on('response', res => {
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        const lines = (tail + chunk).split('\r\n')
        tail = lines.pop() ?? ''
        for (const line of lines) {
          if (line.trim() === '') continue
          reported++
          if (!line.includes('"error_code":200')) failed++
        }
        pump()
      })
      res.on('end', () => resolve({ recordsPerSecond: (reported - failed) / ((performance.now() - started) / 1000), failedReports: failed }))
      res.on('error', reject)
    })
    req.on('error', reject)
    pump()
  })
}

export async function streamingProduce (ctx: BenchContext): Promise<void> {
  const loads = ctx.options.loads
  const gateway = await ctx.gateway()
  const clusterId = await confluentClusterId(gateway.url)
  if (!clusterId) {
    ctx.rows.push(notAvailable(SCENARIO, 'records/s', 'the gateway has no Confluent v3 routes yet'))
    return
  }
  const topic = await ctx.broker.createTopic('stream-gw')
  const directTopic = await ctx.broker.createTopic('stream-direct')
  const url = `${gateway.url}/v3/clusters/${clusterId}/topics/${topic}/records`
  const streams = ctx.options.smoke ? 1 : 4
  await streamRecords(url, loads.warmupSeconds)
  const gatewayRuns: number[] = []
  const directRuns: number[] = []
  for (let repeat = 0; repeat < loads.repeats; repeat++) {
    const runs = await Promise.all(Array.from({ length: streams }, () => streamRecords(url, loads.durationSeconds)))
    const failed = runs.reduce((sum, r) => sum + r.failedReports, 0)
    if (failed > 0) ctx.problems.push(`streaming produce: ${failed} records reported as failed`)
    gatewayRuns.push(runs.reduce((sum, r) => sum + r.recordsPerSecond, 0))
    const direct = await runDirect<DirectProduceResult>('produce.ts', {
      bootstrap: ctx.broker.bootstrap, topic: directTopic, partitions: PARTITIONS,
      batch: 1, concurrency: streams * WINDOW, linger: true, durationSeconds: loads.durationSeconds, warmupSeconds: loads.warmupSeconds,
    })
    directRuns.push(direct.recordsPerSecond)
    ctx.log(`  stream #${repeat + 1}: gateway ${Math.round(gatewayRuns.at(-1)!)} records/s, direct ${Math.round(direct.recordsPerSecond)} records/s`)
  }
  ctx.rows.push(ratioRow(SCENARIO, `records/s, ${streams} stream(s) vs direct client`, 'records/s', median(gatewayRuns), median(directRuns), 'direct client'))
  ctx.details['produce-stream'] = { gateway: gatewayRuns, direct: directRuns, streams, window: WINDOW }
}
