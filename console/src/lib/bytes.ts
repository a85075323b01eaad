/**
 * Record keys and values arrive as base64 (the console always fetches with
 * the base64 encoding so no record is ever unreadable) and are shown as
 * pretty JSON, text or a hex dump.
 */

export type ByteFormat = 'auto' | 'json' | 'text' | 'hex'

export interface Rendered {
  /** The format actually used (auto resolves to one of the others). */
  format: Exclude<ByteFormat, 'auto'>
  text: string
  /** Why the asked-for format could not be used, if it could not. */
  note?: string
}

export function base64ToBytes (base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function bytesToBase64 (bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** UTF-8 text, or undefined when the bytes are not valid UTF-8. */
export function strictUtf8 (bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/** Text that is mostly control characters is binary to a person, even when it decodes. */
function looksLikeText (text: string): boolean {
  let control = 0
  for (const c of text) {
    const code = c.codePointAt(0)!
    if (code < 32 && c !== '\n' && c !== '\r' && c !== '\t') control++
  }
  return control === 0 || control / text.length < 0.05
}

/** Classic 16-bytes-per-line dump: offset, hex bytes, printable ASCII. */
export function hexDump (bytes: Uint8Array): string {
  const lines: string[] = []
  for (let offset = 0; offset < bytes.length; offset += 16) {
    const row = bytes.subarray(offset, offset + 16)
    const hex = Array.from(row, b => b.toString(16).padStart(2, '0'))
    const left = hex.slice(0, 8).join(' ')
    const right = hex.slice(8).join(' ')
    const ascii = Array.from(row, b => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('')
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${left.padEnd(23)}  ${right.padEnd(23)}  |${ascii}|`)
  }
  return lines.join('\n')
}

export function renderBytes (bytes: Uint8Array, wanted: ByteFormat): Rendered {
  if (wanted === 'hex') return { format: 'hex', text: hexDump(bytes) }
  const text = strictUtf8(bytes)
  if (wanted === 'text') {
    return text !== undefined
      ? { format: 'text', text }
      : { format: 'text', text: new TextDecoder().decode(bytes), note: 'not valid UTF-8; invalid bytes are shown as �' }
  }
  if (text !== undefined) {
    try {
      return { format: 'json', text: JSON.stringify(JSON.parse(text), null, 2) }
    } catch {
      if (wanted === 'json') return { format: 'text', text, note: 'not valid JSON; shown as text' }
    }
    if (looksLikeText(text)) return { format: 'text', text }
  }
  if (wanted === 'json') return { format: 'hex', text: hexDump(bytes), note: 'not text; shown as hex' }
  return { format: 'hex', text: hexDump(bytes) }
}

/** One line, for a record's summary row. */
export function previewBytes (bytes: Uint8Array, max = 120): string {
  const text = strictUtf8(bytes)
  const oneLine = text !== undefined && looksLikeText(text)
    ? text.replace(/\s+/g, ' ')
    : Array.from(bytes.subarray(0, Math.ceil(max / 3)), b => b.toString(16).padStart(2, '0')).join(' ')
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine
}
