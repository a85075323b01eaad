/**
 * Browse a partition from an offset, a point in time, the oldest or the
 * newest records; read a bounded range and optionally keep only records
 * whose key or text matches.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks'
import { ApiError } from '../../api/client.ts'
import { api } from '../../api/endpoints.ts'
import type { PartitionInfo } from '../../api/types.ts'
import { Empty, ErrorState, Loading } from '../../components/states.tsx'
import { toDateTimeLocal } from '../../lib/format.ts'
import { RecordList, type Formats } from './record-list.tsx'
import { RecordFilterFields } from './record-filter-fields.tsx'
import { scanRange, type FilterScope, type ScanResult, type ScanStart } from './record-filter.ts'

export type StartKind = 'offset' | 'timestamp' | 'newest' | 'earliest'

export interface BrowseQuery {
  partition: number
  start: StartKind
  offset: string
  /** datetime-local text. */
  time: string
  count: number
  filter: string
  scope: FilterScope
}

const PAGE_SIZE = 500
export const MAX_RANGE = 5000

type Outcome =
  | { status: 'idle' }
  | { status: 'scanning' }
  | { status: 'done', result: ScanResult, query: BrowseQuery, appended: boolean }
  | { status: 'error', error: ApiError }

export function defaultBrowseQuery (): BrowseQuery {
  return { partition: 0, start: 'newest', offset: '0', time: toDateTimeLocal(Date.now() - 3_600_000), count: 50, filter: '', scope: 'any' }
}

async function resolveStart (topic: string, query: BrowseQuery): Promise<ScanStart> {
  if (query.start === 'offset') return { offset: Number(query.offset) }
  if (query.start === 'timestamp') return { timestamp: new Date(query.time).getTime() }
  const description = await api.describeTopic(topic)
  const info = description.partitions.find(p => p.partition === query.partition)
  if (!info) throw new ApiError(404, { code: 'partition_not_found', message: `topic ${topic} has no partition ${query.partition}` })
  if (query.start === 'earliest') return { offset: info.earliestOffset }
  return { offset: Math.max(info.earliestOffset, info.latestOffset - query.count) }
}

function summary (outcome: Extract<Outcome, { status: 'done' }>): string {
  const { result, query } = outcome
  if (result.scanned === 0) return `No records there: partition ${query.partition} has nothing at or after that start${result.nextOffset !== undefined ? ` (it ends at offset ${result.nextOffset})` : ''}.`
  const range = `Read ${result.scanned} record${result.scanned === 1 ? '' : 's'}, offsets ${result.firstOffset}–${result.lastOffset} of partition ${query.partition}`
  const matched = query.filter.trim() ? `; ${result.matches.length} match “${query.filter.trim()}”` : ''
  return `${range}${matched}${result.reachedEnd ? '. That is the end of the partition.' : '.'}`
}

/** What the page asks the panel to show; a new `id` replaces the form and, with autoRun, reads at once. */
export interface BrowseRequest {
  id: number
  query: BrowseQuery
  autoRun: boolean
}

export function BrowsePanel ({ topic, partitions, request, formats, onQuery }: {
  topic: string
  partitions: PartitionInfo[]
  request: BrowseRequest
  formats: Formats
  onQuery: (query: BrowseQuery) => void
}) {
  const [query, setQuery] = useState(request.query)
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' })
  const generation = useRef(0)
  const id = useId()
  const set = <K extends keyof BrowseQuery>(name: K, value: BrowseQuery[K]) => setQuery(q => ({ ...q, [name]: value }))

  async function run (q: BrowseQuery, continueFrom?: Extract<Outcome, { status: 'done' }>) {
    const mine = ++generation.current
    onQuery(q)
    if (!continueFrom) setOutcome({ status: 'scanning' })
    try {
      const start = continueFrom ? { offset: continueFrom.result.nextOffset! } : await resolveStart(topic, q)
      const result = await scanRange(
        (from, limit) => api.fetchRecords(topic, q.partition, from, limit),
        { start, maxScanned: q.count, pageSize: PAGE_SIZE, filter: { text: q.filter, scope: q.scope } },
      )
      if (mine !== generation.current) return
      if (continueFrom) {
        const before = continueFrom.result
        result.matches = [...before.matches, ...result.matches]
        result.scanned += before.scanned
        result.firstOffset = before.firstOffset ?? result.firstOffset
        result.lastOffset = result.lastOffset ?? before.lastOffset
      }
      setOutcome({ status: 'done', result, query: q, appended: continueFrom !== undefined })
    } catch (error) {
      if (mine !== generation.current) return
      setOutcome({ status: 'error', error: error instanceof ApiError ? error : new ApiError(0, { message: String(error) }) })
    }
  }

  // A deep link (a "Browse" button, a shared URL, a produce result) reads at once.
  useEffect(() => {
    setQuery(request.query)
    if (request.autoRun) void run(request.query)
    else { generation.current++; setOutcome({ status: 'idle' }) }
  }, [topic, request.id])

  const newestFirst = outcome.status === 'done' && outcome.query.start === 'newest'
  const shown = outcome.status === 'done' ? (newestFirst ? [...outcome.result.matches].reverse() : outcome.result.matches) : []

  return (
    <div>
      <form class='browse-form' onSubmit={e => { e.preventDefault(); void run(query) }}>
        <div class='field-row'>
          <div class='field'>
            <label for={`${id}-partition`}>Partition</label>
            <select id={`${id}-partition`} value={String(query.partition)} onChange={e => set('partition', Number(e.currentTarget.value))}>
              {partitions.map(p => <option key={p.partition} value={String(p.partition)}>{p.partition} ({p.latestOffset > p.earliestOffset ? `offsets ${p.earliestOffset}–${p.latestOffset - 1}` : 'empty'})</option>)}
            </select>
          </div>
          <fieldset class='field start-field'>
            <legend>Start at</legend>
            {(['newest', 'earliest', 'offset', 'timestamp'] as StartKind[]).map(kind => (
              <label key={kind} class='radio'>
                <input type='radio' name={`${id}-start`} value={kind} checked={query.start === kind} onChange={() => set('start', kind)} />
                {{ newest: 'Newest', earliest: 'Oldest', offset: 'Offset', timestamp: 'Time' }[kind]}
              </label>
            ))}
          </fieldset>
          {query.start === 'offset' && (
            <div class='field'>
              <label for={`${id}-offset`}>Offset</label>
              <input id={`${id}-offset`} type='number' min={0} value={query.offset} onInput={e => set('offset', e.currentTarget.value)} required />
            </div>
          )}
          {query.start === 'timestamp' && (
            <div class='field'>
              <label for={`${id}-time`}>From (local time)</label>
              <input id={`${id}-time`} type='datetime-local' step={1} value={query.time} onInput={e => set('time', e.currentTarget.value)} required />
            </div>
          )}
          <div class='field'>
            <label for={`${id}-count`}>Records to read</label>
            <input id={`${id}-count`} type='number' min={1} max={MAX_RANGE} value={query.count} onInput={e => set('count', Number(e.currentTarget.value))} required aria-describedby={`${id}-count-hint`} />
            <p id={`${id}-count-hint`} class='hint'>The range searched, up to {MAX_RANGE.toLocaleString()}.</p>
          </div>
        </div>
        <div class='field-row'>
          <RecordFilterFields id={id} filter={query.filter} scope={query.scope} onFilter={filter => set('filter', filter)} onScope={scope => set('scope', scope)} />
          <div class='field form-actions align-end'>
            <button type='submit' class='primary' disabled={outcome.status === 'scanning'}>{outcome.status === 'scanning' ? 'Reading…' : 'Read records'}</button>
          </div>
        </div>
      </form>

      {outcome.status === 'scanning' && <Loading label='Reading records' />}
      {outcome.status === 'error' && <ErrorState title='Could not read records' error={outcome.error} onRetry={() => void run(query)} />}
      {outcome.status === 'done' && (
        <>
          <p class='scan-summary' role='status'>{summary(outcome)}</p>
          {shown.length === 0
            ? outcome.result.scanned > 0 && <Empty title='No record in this range matches.' ><p>Widen the range or change the filter.</p></Empty>
            : <RecordList records={shown} formats={formats} showPartition={false} label={`Records of ${topic}, partition ${outcome.query.partition}`} />}
          {!outcome.result.reachedEnd && outcome.result.nextOffset !== undefined && outcome.result.scanned > 0 && (
            <button type='button' onClick={() => void run(outcome.query, outcome)}>Read the next {outcome.query.count} from offset {outcome.result.nextOffset}</button>
          )}
        </>
      )}
    </div>
  )
}
