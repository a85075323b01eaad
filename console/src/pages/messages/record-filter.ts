/**
 * Filtering fetched records by key or by text, on the client, within the
 * bounded range the user chose: the gateway has no server-side search, and
 * an unbounded scan of a topic from a browser would be a denial of service.
 */
import type { FetchResponse, WireRecord } from '../../api/types.ts'
import { base64ToBytes } from '../../lib/bytes.ts'

export type FilterScope = 'key' | 'value' | 'any'

export interface RecordFilter {
  text: string
  scope: FilterScope
}

const decoder = new TextDecoder()
const textOf = (base64: string | null) => (base64 === null ? '' : decoder.decode(base64ToBytes(base64)))

export function recordMatches (record: WireRecord, filter: RecordFilter): boolean {
  const needle = filter.text.trim().toLowerCase()
  if (needle === '') return true
  const inKey = () => textOf(record.key).toLowerCase().includes(needle)
  const inValue = () => textOf(record.value).toLowerCase().includes(needle)
  const inHeaders = () => Object.entries(record.headers).some(([name, value]) => `${name}: ${value}`.toLowerCase().includes(needle))
  switch (filter.scope) {
    case 'key': return inKey()
    case 'value': return inValue()
    case 'any': return inKey() || inValue() || inHeaders()
  }
}

export type ScanStart = { offset: number } | { timestamp: number }

export interface ScanRequest {
  start: ScanStart
  /** At most this many records are read, matching or not: the bound of the range. */
  maxScanned: number
  pageSize: number
  filter: RecordFilter
}

export interface ScanResult {
  matches: WireRecord[]
  scanned: number
  firstOffset: number | undefined
  lastOffset: number | undefined
  /** Where a "continue" scan starts. */
  nextOffset: number | undefined
  /** The scan reached the partition's end (high watermark). */
  reachedEnd: boolean
}

export type FetchPage = (start: ScanStart, limit: number) => Promise<FetchResponse>

export async function scanRange (fetchPage: FetchPage, request: ScanRequest): Promise<ScanResult> {
  const result: ScanResult = { matches: [], scanned: 0, firstOffset: undefined, lastOffset: undefined, nextOffset: undefined, reachedEnd: false }
  let start = request.start
  // Empty pages (compacted or transactional gaps) do not count as scanned; the page cap still bounds the work.
  const maxPages = Math.ceil(request.maxScanned / request.pageSize) + 20
  for (let pages = 0; result.scanned < request.maxScanned && pages < maxPages; pages++) {
    const page = await fetchPage(start, Math.min(request.pageSize, request.maxScanned - result.scanned))
    for (const record of page.records) {
      result.firstOffset ??= record.offset
      result.lastOffset = record.offset
      if (recordMatches(record, request.filter)) result.matches.push(record)
    }
    result.scanned += page.records.length
    const advanced = result.nextOffset === undefined || page.nextOffset > result.nextOffset
    result.nextOffset = page.nextOffset
    if (page.nextOffset >= page.highWatermark) { result.reachedEnd = true; break }
    // Nothing read and no progress (an empty fetch before the end): stop instead of spinning.
    if (page.records.length === 0 && !advanced) break
    start = { offset: page.nextOffset }
  }
  return result
}
