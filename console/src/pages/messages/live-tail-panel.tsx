/**
 * Live tail: records as they arrive, newest on top, through the gateway's
 * SSE stream. Pause closes the stream and remembers its position; resume
 * continues from there, so nothing that arrived meanwhile is missed.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks'
import { API_PREFIX, getToken, type ApiError } from '../../api/client.ts'
import type { PartitionInfo, WireRecord } from '../../api/types.ts'
import { Empty, ErrorState } from '../../components/states.tsx'
import { openLiveTail, type LiveTail, type TailStatus } from '../../lib/live-tail.ts'
import { RecordList, type Formats } from './record-list.tsx'
import { RecordFilterFields } from './record-filter-fields.tsx'
import { recordMatches, type FilterScope } from './record-filter.ts'

/** Records kept on screen; older ones scroll off so a busy topic cannot exhaust the tab's memory. */
const KEEP = 500
const FLUSH_MS = 200

type TailState = 'stopped' | 'running' | 'paused'

function streamUrl (topic: string, partition: string): string {
  const query = new URLSearchParams({ from: 'latest', keyEncoding: 'base64', valueEncoding: 'base64' })
  if (partition !== 'all') query.set('partitions', partition)
  return `${API_PREFIX}/topics/${encodeURIComponent(topic)}/records/stream?${query}`
}

const STATUS_TEXT: Record<TailStatus, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', stopped: 'Stopped' }

export function LiveTailPanel ({ topic, partitions, formats }: { topic: string, partitions: PartitionInfo[], formats: Formats }) {
  const [partition, setPartition] = useState('all')
  const [filter, setFilter] = useState('')
  const [scope, setScope] = useState<FilterScope>('any')
  const [state, setState] = useState<TailState>('stopped')
  const [status, setStatus] = useState<TailStatus>('stopped')
  const [records, setRecords] = useState<WireRecord[]>([])
  const [received, setReceived] = useState(0)
  const [error, setError] = useState<ApiError | undefined>(undefined)
  const tail = useRef<LiveTail | undefined>(undefined)
  const position = useRef<string | undefined>(undefined)
  const pending = useRef<WireRecord[]>([])
  const id = useId()

  function flush () {
    if (pending.current.length === 0) return
    const batch = pending.current.reverse()
    pending.current = []
    setRecords(list => [...batch, ...list].slice(0, KEEP))
    setReceived(n => n + batch.length)
  }

  // Records arrive in bursts; rendering them in batches keeps the page responsive.
  useEffect(() => {
    if (state !== 'running') return
    const timer = setInterval(flush, FLUSH_MS)
    return () => clearInterval(timer)
  }, [state])

  function open () {
    setError(undefined)
    const mine = openLiveTail({
      url: streamUrl(topic, partition),
      token: getToken(),
      position: position.current,
      onRecord: record => { if (tail.current === mine) pending.current.push(record) },
      onStatus: next => {
        if (tail.current !== mine) return
        setStatus(next)
        if (next === 'stopped') { setState('stopped'); tail.current = undefined }
        if (next === 'live') setError(undefined)
      },
      onError: failure => { if (tail.current === mine) setError(failure) },
    })
    tail.current = mine
    setState('running')
  }

  function halt (): string | undefined {
    const current = tail.current
    tail.current = undefined
    current?.stop()
    return current?.position
  }

  function start () {
    halt()
    position.current = undefined
    pending.current = []
    setRecords([])
    setReceived(0)
    open()
  }

  function pause () {
    position.current = halt()
    flush()
    setState('paused')
    setStatus('stopped')
  }

  function stop () {
    halt()
    flush()
    position.current = undefined
    setState('stopped')
    setStatus('stopped')
  }

  // A new topic or partition choice is a new tail.
  useEffect(() => { stop(); setRecords([]); setReceived(0) }, [topic, partition])
  useEffect(() => () => { halt() }, [])

  const shown = records.filter(r => recordMatches(r, { text: filter, scope }))
  const statusText = state === 'paused' ? `Paused after ${received} records; resume continues where it stopped` : state === 'running' ? `${STATUS_TEXT[status]} · ${received} received` : received > 0 ? `Stopped · ${received} received` : 'Not running'

  return (
    <div>
      <div class='field-row'>
        <div class='field'>
          <label for={`${id}-partition`}>Partitions</label>
          <select id={`${id}-partition`} value={partition} onChange={e => setPartition(e.currentTarget.value)}>
            <option value='all'>All partitions</option>
            {partitions.map(p => <option key={p.partition} value={String(p.partition)}>Partition {p.partition}</option>)}
          </select>
        </div>
        <RecordFilterFields id={id} filter={filter} scope={scope} onFilter={setFilter} onScope={setScope} />
        <div class='field form-actions align-end'>
          {state === 'stopped' && <button type='button' class='primary' onClick={start}>Start live tail</button>}
          {state === 'running' && <button type='button' onClick={pause}>Pause</button>}
          {state === 'paused' && <button type='button' class='primary' onClick={open}>Resume</button>}
          {state !== 'stopped' && <button type='button' onClick={stop}>Stop</button>}
        </div>
      </div>
      <p class={`tail-status tail-${state === 'running' ? status : state}`} role='status' data-testid='tail-status'>
        <span class='dot' aria-hidden='true' /> {statusText}
      </p>
      {error && <ErrorState title={state === 'running' ? 'The live tail hit a problem; it keeps retrying' : 'The live tail stopped'} error={error} />}
      {records.length === 0
        ? state !== 'stopped' && <Empty title='Waiting for new records…'><p>Records produced to {topic} from now on appear here, newest on top.</p></Empty>
        : shown.length === 0
          ? <Empty title='No received record matches the filter.' />
          : <RecordList records={shown} formats={formats} showPartition label={`Live records of ${topic}`} />}
    </div>
  )
}
