/**
 * The records both sides write: 1 KiB values of printable ASCII, so the
 * gateway can take them with the `string` encoding (bytes = characters) and
 * the direct client sends the very same bytes.
 */
export const RECORD_BYTES = 1024

export function recordValue (seed = 0): string {
  let text = ''
  for (let i = 0; text.length < RECORD_BYTES; i++) text += String.fromCharCode(97 + ((i + seed) % 26))
  return text
}

/** Body of a native produce request with `count` unkeyed records. */
export function produceBody (count: number): string {
  const value = recordValue()
  if (count === 1) return JSON.stringify({ value })
  return JSON.stringify({ records: Array.from({ length: count }, () => ({ value })) })
}

export const PRODUCE_QUERY = '?valueEncoding=string'
