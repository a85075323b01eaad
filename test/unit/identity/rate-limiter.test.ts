import assert from 'node:assert/strict'
import { test } from 'node:test'
import { GatewayError } from '../../../src/core/errors.ts'
import { RateLimiter } from '../../../src/core/identity/rate-limiter.ts'

function clock (): { now: () => number, advance: (ms: number) => void } {
  let t = 1_000_000
  return { now: () => t, advance: ms => { t += ms } }
}

function refusal (fn: () => void): GatewayError {
  try {
    fn()
  } catch (error) {
    assert.ok(error instanceof GatewayError)
    return error
  }
  assert.fail('expected a refusal')
}

test('a bucket holds one second of the rate and refills continuously', () => {
  const c = clock()
  const limiter = new RateLimiter(c.now)
  const limits = { requestsPerSecond: 5 }
  for (let i = 0; i < 5; i++) limiter.admit('k', limits, { requests: 1 }, 'principal alice')
  const error = refusal(() => limiter.admit('k', limits, { requests: 1 }, 'principal alice'))
  assert.equal(error.code, 'rate_limited')
  assert.equal(error.status, 429)
  assert.equal(error.retryAfterSeconds, 1)
  assert.match(error.message, /principal alice is over its limit of 5 requests per second/)
  c.advance(200) // one request's worth
  limiter.admit('k', limits, { requests: 1 }, 'principal alice')
  assert.equal(refusal(() => limiter.admit('k', limits, { requests: 1 }, 'x')).code, 'rate_limited')
})

test('a refused request takes nothing from any bucket (all dimensions or none)', () => {
  const c = clock()
  const limiter = new RateLimiter(c.now)
  const limits = { recordsPerSecond: 100, bytesPerSecond: 1000 }
  limiter.admit('ap', limits, { records: 10, bytes: 900 }, 'access point a')
  // Records would fit (90 left) but bytes would not (100 left): refused, and the records are not taken.
  assert.equal(refusal(() => limiter.admit('ap', limits, { records: 50, bytes: 500 }, 'access point a')).code, 'rate_limited')
  limiter.admit('ap', limits, { records: 90, bytes: 100 }, 'access point a')
  assert.equal(refusal(() => limiter.admit('ap', limits, { records: 1, bytes: 1 }, 'access point a')).code, 'rate_limited')
})

test('Retry-After is the time until the whole request fits', () => {
  const c = clock()
  const limiter = new RateLimiter(c.now)
  const limits = { bytesPerSecond: 100 }
  limiter.admit('k', limits, { bytes: 100 }, 's')
  assert.equal(refusal(() => limiter.admit('k', limits, { bytes: 100 }, 's')).retryAfterSeconds, 1)
  c.advance(500)
  assert.equal(refusal(() => limiter.admit('k', limits, { bytes: 100 }, 's')).retryAfterSeconds, 1)
})

test('a request larger than one second of the limit can never fit: 413, not 429', () => {
  const limiter = new RateLimiter(clock().now)
  const error = refusal(() => limiter.admit('k', { recordsPerSecond: 10 }, { records: 11 }, 'access point a'))
  assert.equal(error.code, 'request_over_limit')
  assert.equal(error.status, 413)
  assert.match(error.message, /11 records but access point a allows 10 records per second/)
})

test('no limit or a zero limit admits everything; keys are independent', () => {
  const limiter = new RateLimiter(clock().now)
  for (let i = 0; i < 1000; i++) limiter.admit('free', {}, { requests: 1, bytes: 1e9 }, 's')
  for (let i = 0; i < 1000; i++) limiter.admit('zero', { requestsPerSecond: 0 }, { requests: 1 }, 's')
  limiter.admit('a', { requestsPerSecond: 1 }, { requests: 1 }, 's')
  limiter.admit('b', { requestsPerSecond: 1 }, { requests: 1 }, 's')
  assert.equal(refusal(() => limiter.admit('a', { requestsPerSecond: 1 }, { requests: 1 }, 's')).code, 'rate_limited')
})

test('a changed limit applies at once, keeping the fill ratio', () => {
  const c = clock()
  const limiter = new RateLimiter(c.now)
  limiter.admit('k', { recordsPerSecond: 10 }, { records: 10 }, 's') // empty
  assert.equal(refusal(() => limiter.admit('k', { recordsPerSecond: 100 }, { records: 1 }, 's')).code, 'rate_limited')
  c.advance(100) // 10% of a second: 10 records at the new rate
  limiter.admit('k', { recordsPerSecond: 100 }, { records: 10 }, 's')
})
