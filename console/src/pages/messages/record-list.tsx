/**
 * Records as a list of disclosure rows (<details>): the summary line shows
 * where and when, with key and value previews; opening a row shows key and
 * value rendered as JSON, text or hex, and the headers.
 */
import { useId } from 'preact/hooks'
import type { WireRecord } from '../../api/types.ts'
import { CopyButton } from '../../components/copy-button.tsx'
import { base64ToBytes, previewBytes, renderBytes, type ByteFormat } from '../../lib/bytes.ts'
import { formatBytes, formatTimestamp } from '../../lib/format.ts'

export interface Formats { key: ByteFormat, value: ByteFormat }

const FORMAT_LABELS: Record<ByteFormat, string> = { auto: 'Auto', json: 'JSON', text: 'Text', hex: 'Hex' }

export function FormatPicker ({ formats, onChange }: { formats: Formats, onChange: (formats: Formats) => void }) {
  const id = useId()
  const select = (which: keyof Formats) => (
    <div class='field inline-field'>
      <label for={`${id}-${which}`}>{which === 'key' ? 'Show keys as' : 'Show values as'}</label>
      <select id={`${id}-${which}`} value={formats[which]} onChange={e => onChange({ ...formats, [which]: e.currentTarget.value as ByteFormat })}>
        {(Object.keys(FORMAT_LABELS) as ByteFormat[]).map(f => <option key={f} value={f}>{FORMAT_LABELS[f]}</option>)}
      </select>
    </div>
  )
  return <div class='format-picker'>{select('key')}{select('value')}</div>
}

function Payload ({ label, base64, format }: { label: string, base64: string | null, format: ByteFormat }) {
  if (base64 === null) return <div class='payload'><h4>{label}</h4><p class='muted'>null{label === 'Value' ? ' (a tombstone: deletes the key in a compacted topic)' : ''}</p></div>
  const bytes = base64ToBytes(base64)
  const rendered = renderBytes(bytes, format)
  return (
    <div class='payload'>
      <div class='payload-header'>
        <h4>{label} <span class='muted small'>{rendered.format.toUpperCase()} · {formatBytes(bytes.length)}</span></h4>
        <CopyButton text={rendered.format === 'hex' ? base64 : rendered.text} label={rendered.format === 'hex' ? 'Copy base64' : 'Copy'} what={`the ${label.toLowerCase()}`} />
      </div>
      {rendered.note && <p class='muted small'>{rendered.note}</p>}
      <pre class={`payload-body payload-${rendered.format}`} tabIndex={0} aria-label={`${label}, ${rendered.format}`}>{rendered.text}</pre>
    </div>
  )
}

export function RecordRow ({ record, formats, showPartition }: { record: WireRecord, formats: Formats, showPartition: boolean }) {
  const headers = Object.entries(record.headers)
  const keyPreview = record.key === null ? '' : previewBytes(base64ToBytes(record.key), 40)
  const valuePreview = record.value === null ? 'null' : previewBytes(base64ToBytes(record.value))
  return (
    <li class='record' data-offset={record.offset} data-partition={record.partition}>
      <details>
        <summary>
          <span class='record-where'>
            {showPartition && <span class='muted'>p{record.partition} · </span>}
            <span class='record-offset'>#{record.offset}</span>
          </span>
          <span class='record-time muted'>{formatTimestamp(record.timestamp)}</span>
          {keyPreview && <span class='record-key'><span class='visually-hidden'>key </span>{keyPreview}</span>}
          <span class='record-value'><span class='visually-hidden'>value </span>{valuePreview}</span>
        </summary>
        <div class='record-body'>
          <p class='muted small'>
            Partition {record.partition}, offset {record.offset}, {new Date(record.timestamp).toISOString()}
          </p>
          <Payload label='Key' base64={record.key} format={formats.key} />
          <Payload label='Value' base64={record.value} format={formats.value} />
          <div class='payload'>
            <h4>Headers</h4>
            {headers.length === 0
              ? <p class='muted'>No headers</p>
              : (
                <table class='headers'>
                  <thead><tr><th scope='col'>Name</th><th scope='col'>Value</th></tr></thead>
                  <tbody>{headers.map(([name, value]) => <tr key={name}><th scope='row'><code>{name}</code></th><td><code>{value}</code></td></tr>)}</tbody>
                </table>
              )}
          </div>
        </div>
      </details>
    </li>
  )
}

export function RecordList ({ records, formats, showPartition, label }: { records: WireRecord[], formats: Formats, showPartition: boolean, label: string }) {
  return (
    <ol class='records' aria-label={label}>
      {records.map(r => <RecordRow key={`${r.partition}:${r.offset}`} record={r} formats={formats} showPartition={showPartition} />)}
    </ol>
  )
}
