/** Display helpers shared by pages. */

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** Local time as 2026-01-31 14:05:09.123: sortable, unambiguous, with milliseconds (records are often ms apart). */
export function formatTimestamp (ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
}

export function formatBytes (bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

export function formatDate (iso: string): string {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? iso : formatTimestamp(ms).slice(0, 19)
}

/** The value for an <input type=datetime-local> showing this moment in local time. */
export function toDateTimeLocal (ms: number): string {
  return formatTimestamp(ms).slice(0, 19).replace(' ', 'T')
}
