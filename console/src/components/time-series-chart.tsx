/**
 * A line chart over time (uPlot: ~50 KB, canvas, fast with thousands of
 * points). The canvas is hidden from screen readers; the page states the
 * current values in text next to it.
 */
import { useEffect, useRef } from 'preact/hooks'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

export interface ChartSeries {
  label: string
  /** A CSS colour or var(--name); each series also has its own dash pattern, so colour is not the only cue. */
  color: string
  dash?: number[]
}

/** The narrowest time window the x axis shows. */
const MIN_WINDOW_SECONDS = 60

export interface TimeSeriesChartProps {
  /** x: seconds since epoch; ys: one array per series, same length as x. */
  x: number[]
  ys: number[][]
  series: ChartSeries[]
  unit: string
  height?: number
}

/** Canvas cannot read CSS custom properties, so `var(--x)` is resolved against the page's theme first. */
function resolveColor (color: string): string {
  const match = /^var\((--[\w-]+)\)$/.exec(color)
  return match ? getComputedStyle(document.documentElement).getPropertyValue(match[1]!).trim() || '#555' : color
}

function options (props: TimeSeriesChartProps, width: number): uPlot.Options {
  const axisColor = resolveColor('var(--text-muted)')
  const gridColor = resolveColor('var(--border)')
  const axis = { stroke: axisColor, grid: { stroke: gridColor, width: 1 }, ticks: { stroke: gridColor } }
  return {
    width,
    height: props.height ?? 200,
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    scales: {
      // With one or two samples uPlot would stretch the axis over years: show at least MIN_WINDOW_SECONDS.
      x: { time: true, range: (_u, min, max) => [Math.min(min, max - MIN_WINDOW_SECONDS), max] },
      y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] },
    },
    axes: [axis, { ...axis, size: 60, values: (_u, ticks) => ticks.map(t => `${formatRate(t)}`) }],
    series: [
      {},
      ...props.series.map(s => ({ label: `${s.label} (${props.unit})`, stroke: resolveColor(s.color), width: 2, ...(s.dash ? { dash: s.dash } : {}), value: (_u: uPlot, v: number | null) => (v === null ? '–' : formatRate(v)) })),
    ],
  }
}

export function formatRate (value: number): string {
  if (value >= 1_000_000) return `${(value / 1_000_000).toFixed(1)}M`
  if (value >= 10_000) return `${(value / 1000).toFixed(0)}k`
  if (value >= 1000) return `${(value / 1000).toFixed(1)}k`
  return value >= 10 || value === 0 ? value.toFixed(0) : value.toFixed(1)
}

export function TimeSeriesChart (props: TimeSeriesChartProps) {
  const holder = useRef<HTMLDivElement>(null)
  const chart = useRef<uPlot | undefined>(undefined)

  useEffect(() => {
    const element = holder.current!
    chart.current = new uPlot(options(props, element.clientWidth || 300), [props.x, ...props.ys], element)
    const resize = new ResizeObserver(() => chart.current?.setSize({ width: element.clientWidth || 300, height: props.height ?? 200 }))
    resize.observe(element)
    return () => { resize.disconnect(); chart.current?.destroy(); chart.current = undefined }
    // The series definitions are fixed for a chart's life; only data changes.
  }, [])

  useEffect(() => { chart.current?.setData([props.x, ...props.ys]) }, [props.x, props.ys])

  return <div class='chart' ref={holder} aria-hidden='true' />
}
