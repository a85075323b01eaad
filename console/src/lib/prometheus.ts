/**
 * Reads counters out of the Prometheus text exposition format served at
 * /metrics, and turns successive samples into per-second rates for the
 * overview charts.
 */

/** Sum of every series of the metric `name` (all label sets), or undefined when absent. */
export function readCounter (exposition: string, name: string): number | undefined {
  let total: number | undefined
  for (const raw of exposition.split('\n')) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#') || !line.startsWith(name)) continue
    const rest = line.slice(name.length)
    if (rest[0] !== ' ' && rest[0] !== '{') continue // a longer metric name sharing the prefix
    const afterLabels = rest[0] === '{' ? rest.slice(rest.lastIndexOf('}') + 1) : rest
    const value = Number(afterLabels.trim().split(/\s+/)[0])
    if (Number.isFinite(value)) total = (total ?? 0) + value
  }
  return total
}

export interface CounterSample {
  /** Milliseconds since epoch. */
  at: number
  value: number
}

/**
 * Per-second rate between two samples. A counter that went down means the
 * gateway restarted; that interval has no meaningful rate, so it reads as 0.
 */
export function rateBetween (previous: CounterSample, current: CounterSample): number {
  const seconds = (current.at - previous.at) / 1000
  if (seconds <= 0 || current.value < previous.value) return 0
  return (current.value - previous.value) / seconds
}
