/**
 * The results as a PNG, drawn as SVG and rasterized by resvg (no browser):
 * throughput as a share of each baseline with the target marked, latency
 * percentiles of both sides, and memory against its limit.
 */
import { Resvg } from '@resvg/resvg-js'
import type { MachineInfo } from '../lib/machine.ts'
import type { ResultRow } from '../lib/results.ts'
import { formatNumber } from './table.ts'

const WIDTH = 1200
const LABEL_WIDTH = 430
const BAR_HEIGHT = 18
const GAP = 8
const COLORS = { gateway: '#2f6fdf', baseline: '#9aa5b1', missed: '#d64545', target: '#111' }

interface Bar {
  label: string
  value: number
  text: string
  color: string
  /** Where the target line goes, in the bar's own units. */
  target?: number
}

function escape (text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A panel of horizontal bars on one scale; returns its SVG and height. */
function panel (title: string, bars: Bar[], top: number): { svg: string, height: number } {
  if (bars.length === 0) return { svg: '', height: 0 }
  const scaleMax = Math.max(...bars.map(b => Math.max(b.value, b.target ?? 0))) * 1.15 || 1
  // Room on the right for the value text of the longest bar.
  const plotWidth = WIDTH - LABEL_WIDTH - 300
  let svg = `<text x="20" y="${top + 16}" font-size="16" font-weight="bold">${escape(title)}</text>`
  bars.forEach((bar, i) => {
    const y = top + 30 + i * (BAR_HEIGHT + GAP)
    const width = Math.max(1, (bar.value / scaleMax) * plotWidth)
    svg += `<text x="${LABEL_WIDTH - 10}" y="${y + 13}" font-size="12" text-anchor="end">${escape(bar.label)}</text>`
    svg += `<rect x="${LABEL_WIDTH}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${bar.color}"/>`
    svg += `<text x="${LABEL_WIDTH + width + 6}" y="${y + 13}" font-size="12">${escape(bar.text)}</text>`
    if (bar.target !== undefined) {
      const x = LABEL_WIDTH + (bar.target / scaleMax) * plotWidth
      svg += `<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${y - 3}" y2="${y + BAR_HEIGHT + 3}" stroke="${COLORS.target}" stroke-width="2" stroke-dasharray="3,2"/>`
    }
  })
  return { svg, height: 40 + bars.length * (BAR_HEIGHT + GAP) + 10 }
}

function shortScenario (row: ResultRow): string {
  return row.scenario.replace(/^(\d+)\..*$/, '$1')
}

export function chartSvg (rows: ResultRow[], machine: MachineInfo, date: Date): string {
  const throughput: Bar[] = rows
    .filter(r => r.comparison?.kind === 'ratio' && r.unit !== 'MB' && r.unit !== '' && r.gateway !== null)
    .map(r => ({
      label: `${shortScenario(r)}. ${r.metric}`,
      value: r.comparison!.value * 100,
      text: `${(r.comparison!.value * 100).toFixed(0)}% (${formatNumber(r.gateway, r.unit)} vs ${formatNumber(r.baseline, r.unit)} ${r.unit})`,
      color: r.target && !r.target.met ? COLORS.missed : COLORS.gateway,
      ...(r.target ? { target: Number(/(\d+)%/.exec(r.target.text)?.[1] ?? 0) } : {}),
    }))
  const latency: Bar[] = rows.filter(r => r.unit === 'ms' && r.gateway !== null).flatMap(r => [
    { label: `gateway ${r.metric}`, value: r.gateway!, text: `${formatNumber(r.gateway, 'ms')} ms`, color: r.target && !r.target.met ? COLORS.missed : COLORS.gateway },
    { label: `direct client ${r.metric}`, value: r.baseline!, text: `${formatNumber(r.baseline, 'ms')} ms`, color: COLORS.baseline },
  ])
  const memory: Bar[] = rows.filter(r => r.unit === 'MB' && r.gateway !== null).flatMap(r => [
    {
      label: `${r.scenario.includes('outage') ? 'outage: ' : ''}${r.metric}`,
      value: r.gateway!,
      text: `${formatNumber(r.gateway, 'MB')} MB`,
      color: r.target && !r.target.met ? COLORS.missed : COLORS.gateway,
      ...(r.target?.text.includes('250') ? { target: 250 } : {}),
    },
    ...(r.baselineName === 'bare Fastify' && r.baseline !== null
      ? [{ label: 'bare Fastify, same load', value: r.baseline, text: `${formatNumber(r.baseline, 'MB')} MB`, color: COLORS.baseline }]
      : []),
  ])

  let top = 70
  let body = ''
  for (const [title, bars] of [
    ['Throughput: gateway as % of its baseline (dashed line: target)', throughput],
    ['Latency of one-record produces at half the maximum rate (ms)', latency],
    ['Memory (MB): RSS of one process, PSS summed over several; gray: bare Fastify under the same load (dashed line: 250 MB target; red: missed)', memory],
  ] as const) {
    const drawn = panel(title, bars, top)
    body += drawn.svg
    top += drawn.height
  }
  const subtitle = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${machine.cores} cores ${machine.cpu} · ${machine.memoryGiB} GiB · Node ${machine.node} · Kafka ${machine.kafka}`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${top + 10}" font-family="DejaVu Sans, sans-serif">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="20" y="30" font-size="20" font-weight="bold">Kafka HTTP gateway vs direct Kafka client and bare Fastify</text>` +
    `<text x="20" y="52" font-size="12" fill="#444">${escape(subtitle)}</text>${body}</svg>`
}

export function renderChart (rows: ResultRow[], machine: MachineInfo, date: Date): Buffer {
  const resvg = new Resvg(chartSvg(rows, machine, date), { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } })
  return resvg.render().asPng()
}
