/**
 * One line of the results table: the gateway against its baseline (the
 * direct Kafka client or the bare Fastify route), measured in the same run,
 * and the target for that comparison when it has one.
 */
export interface Comparison {
  /** ratio: gateway / baseline; added: gateway − baseline; value: the gateway number alone. */
  kind: 'ratio' | 'added' | 'value'
  value: number
}

export interface ResultRow {
  scenario: string
  metric: string
  unit: string
  gateway: number | null
  baseline: number | null
  baselineName: string
  comparison: Comparison | null
  target: { text: string, met: boolean } | null
  note?: string
}

export function ratioRow (scenario: string, metric: string, unit: string, gateway: number, baseline: number, baselineName: string, minRatio?: number): ResultRow {
  const ratio = gateway / baseline
  return {
    scenario, metric, unit, gateway, baseline, baselineName,
    comparison: { kind: 'ratio', value: ratio },
    target: minRatio === undefined ? null : { text: `≥ ${Math.round(minRatio * 100)}%`, met: ratio >= minRatio },
  }
}

export function notAvailable (scenario: string, metric: string, reason: string): ResultRow {
  return { scenario, metric, unit: '', gateway: null, baseline: null, baselineName: '', comparison: null, target: null, note: `not available: ${reason}` }
}
