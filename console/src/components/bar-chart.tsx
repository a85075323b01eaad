/**
 * Horizontal bars for a handful of labelled values (consumer lag per
 * partition). Plain HTML rather than canvas: bars are sized spans, so the chart reflows
 * on a phone and each bar's text is readable by a screen reader.
 */
export interface Bar {
  label: string
  value: number
  /** Text shown at the end of the bar (defaults to the value). */
  display?: string
}

export function BarChart ({ bars, caption }: { bars: Bar[], caption: string }) {
  const max = Math.max(1, ...bars.map(b => b.value))
  return (
    <figure class='bar-chart'>
      <figcaption>{caption}</figcaption>
      <ul>
        {bars.map(bar => (
          <li key={bar.label}>
            <span class='bar-label'>{bar.label}</span>
            <span class='bar-track' aria-hidden='true'>
              <span class='bar-fill' style={{ width: `${(bar.value / max) * 100}%` }} />
            </span>
            <span class='bar-value'>{bar.display ?? bar.value.toLocaleString()}</span>
          </li>
        ))}
      </ul>
    </figure>
  )
}
