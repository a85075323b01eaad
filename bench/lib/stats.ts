/**
 * Small statistics for bench results: medians of repeated runs and exact
 * percentiles of recorded latencies (no histogram rounding: the p99 target
 * is a few milliseconds, so whole-millisecond buckets would hide it).
 */
export function median (values: number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export interface LatencySummary {
  p50: number
  p99: number
  p999: number
  max: number
  count: number
}

/** Percentiles (nearest rank) of latencies in milliseconds. */
export function summarizeLatencies (latencies: Float64Array | number[]): LatencySummary {
  const sorted = Float64Array.from(latencies).sort()
  const at = (q: number): number => sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
  return { p50: at(0.5), p99: at(0.99), p999: at(0.999), max: at(1), count: sorted.length }
}

/** Growable store of latency samples without one allocation per sample. */
export class LatencyRecorder {
  #values = new Float64Array(1 << 16)
  #count = 0

  record (ms: number): void {
    if (this.#count === this.#values.length) {
      const bigger = new Float64Array(this.#values.length * 2)
      bigger.set(this.#values)
      this.#values = bigger
    }
    this.#values[this.#count++] = ms
  }

  summary (): LatencySummary { return summarizeLatencies(this.#values.subarray(0, this.#count)) }
}

/** The median run of several, by one metric, so all its numbers come from the same run. */
export function medianRun<T> (runs: T[], metric: (run: T) => number): T {
  const sorted = [...runs].sort((a, b) => metric(a) - metric(b))
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}
