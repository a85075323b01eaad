/**
 * Produce and fetch rates of this gateway process, sampled from its
 * Prometheus counters every few seconds while the page is open. The rates
 * are per gateway instance: behind a load balancer each instance counts its
 * own traffic.
 */
import { useEffect, useState } from 'preact/hooks'
import { ApiError } from '../api/client.ts'
import { api } from '../api/endpoints.ts'
import { rateBetween, readCounter, type CounterSample } from './prometheus.ts'

const PRODUCED = 'gateway_records_produced_total'
const FETCHED = 'gateway_records_fetched_total'

export interface LiveRates {
  /** Seconds since epoch, one per sample after the first. */
  x: number[]
  produced: number[]
  fetched: number[]
  error: ApiError | undefined
  /** True once two samples gave a first rate. */
  ready: boolean
}

export function useLiveRates (intervalMs = 2000, keepPoints = 150): LiveRates {
  const [rates, setRates] = useState<LiveRates>({ x: [], produced: [], fetched: [], error: undefined, ready: false })

  useEffect(() => {
    let previous: { produced: CounterSample, fetched: CounterSample } | undefined
    let stopped = false
    const controller = new AbortController()

    async function sample () {
      try {
        const text = await api.metricsText(controller.signal)
        const at = Date.now()
        const current = {
          produced: { at, value: readCounter(text, PRODUCED) ?? 0 },
          fetched: { at, value: readCounter(text, FETCHED) ?? 0 },
        }
        if (previous) {
          const last = previous
          setRates(r => ({
            x: [...r.x, at / 1000].slice(-keepPoints),
            produced: [...r.produced, rateBetween(last.produced, current.produced)].slice(-keepPoints),
            fetched: [...r.fetched, rateBetween(last.fetched, current.fetched)].slice(-keepPoints),
            error: undefined,
            ready: true,
          }))
        }
        previous = current
      } catch (error) {
        if (stopped) return
        setRates(r => ({ ...r, error: error instanceof ApiError ? error : new ApiError(0, { message: String(error) }) }))
      }
    }

    void sample()
    const timer = setInterval(() => { if (document.visibilityState === 'visible') void sample() }, intervalMs)
    return () => { stopped = true; clearInterval(timer); controller.abort() }
  }, [intervalMs, keepPoints])

  return rates
}
