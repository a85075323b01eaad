import assert from 'node:assert/strict'
import { test } from 'node:test'
import { rateBetween, readCounter } from '../src/lib/prometheus.ts'

const EXPOSITION = `# HELP gateway_records_produced_total Records acknowledged by Kafka
# TYPE gateway_records_produced_total counter
gateway_records_produced_total 42
gateway_records_produced_total_extra 1000
gateway_kafka_errors_total{operation="produce",code="x"} 2
gateway_kafka_errors_total{operation="fetch",code="y"} 3
`

test('reads a counter by exact name, summing label sets, ignoring longer names', () => {
  assert.equal(readCounter(EXPOSITION, 'gateway_records_produced_total'), 42)
  assert.equal(readCounter(EXPOSITION, 'gateway_kafka_errors_total'), 5)
  assert.equal(readCounter(EXPOSITION, 'gateway_records_fetched_total'), undefined)
})

test('rate per second, and 0 across a counter reset', () => {
  assert.equal(rateBetween({ at: 0, value: 10 }, { at: 2000, value: 30 }), 10)
  assert.equal(rateBetween({ at: 0, value: 30 }, { at: 2000, value: 5 }), 0)
  assert.equal(rateBetween({ at: 1000, value: 1 }, { at: 1000, value: 9 }), 0)
})
