/**
 * Produce a test message from the page: key, value, headers, partition, in
 * JSON, text or base64, and a link to the record where it landed.
 */
import { useId, useState } from 'preact/hooks'
import { api } from '../../api/endpoints.ts'
import type { Encoding, PartitionInfo, ProduceResultItem, RecordToProduce } from '../../api/types.ts'
import { InlineError } from '../../components/states.tsx'
import { useAction } from '../../lib/use-resource.ts'

const ENCODING_LABELS: Record<Encoding, string> = { json: 'JSON', string: 'Text', base64: 'Base64 (binary)' }

/** `name: value` lines → headers; the first bad line number when one does not parse. */
/** The format a key or value is typed in. */
function EncodingField ({ id, label, value, onChange }: { id: string, label: string, value: Encoding, onChange: (encoding: Encoding) => void }) {
  return (
    <div class='field'>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={e => onChange(e.currentTarget.value as Encoding)}>
        {(Object.keys(ENCODING_LABELS) as Encoding[]).map(e => <option key={e} value={e}>{ENCODING_LABELS[e]}</option>)}
      </select>
    </div>
  )
}

export function parseHeaderLines (text: string): Record<string, string> | number {
  const headers: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.trim() === '') continue
    const colon = line.indexOf(':')
    if (colon <= 0) return i + 1
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim()
  }
  return headers
}

/** The text typed for a field → the JSON body value for its encoding; throws a message for the field. */
function fieldValue (text: string, encoding: Encoding, label: string): unknown {
  if (encoding !== 'json') return text
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new Error(`${label} is not valid JSON (${(error as Error).message}); choose Text to send it as it is`)
  }
}

export function ProducePanel ({ topic, partitions, onShow }: { topic: string, partitions: PartitionInfo[], onShow: (partition: number, offset: number) => void }) {
  const [key, setKey] = useState('')
  const [keyEncoding, setKeyEncoding] = useState<Encoding>('string')
  const [value, setValue] = useState('{\n  "hello": "world"\n}')
  const [valueEncoding, setValueEncoding] = useState<Encoding>('json')
  const [headers, setHeaders] = useState('')
  const [partition, setPartition] = useState('auto')
  const [formError, setFormError] = useState<{ field: string, message: string } | undefined>(undefined)
  const [written, setWritten] = useState<ProduceResultItem | undefined>(undefined)
  const produce = useAction((record: RecordToProduce) => api.produce(topic, record, { key: keyEncoding, value: valueEncoding }))
  const id = useId()

  async function submit (event: Event) {
    event.preventDefault()
    setWritten(undefined)
    const parsedHeaders = parseHeaderLines(headers)
    if (typeof parsedHeaders === 'number') { setFormError({ field: 'headers', message: `Header line ${parsedHeaders} is not name: value` }); return }
    let record: RecordToProduce
    try {
      record = {
        value: fieldValue(value, valueEncoding, 'The value'),
        ...(key !== '' ? { key: fieldValue(key, keyEncoding, 'The key') } : {}),
        ...(partition !== 'auto' ? { partition: Number(partition) } : {}),
        ...(Object.keys(parsedHeaders).length > 0 ? { headers: parsedHeaders } : {}),
      }
    } catch (error) {
      setFormError({ field: (error as Error).message.startsWith('The key') ? 'key' : 'value', message: (error as Error).message })
      return
    }
    setFormError(undefined)
    const outcome = await produce.run(record)
    if (!outcome.ok) return
    const result = outcome.value.results[0]
    if (result?.error) {
      produce.clearError()
      setFormError({ field: 'result', message: `Kafka refused the record: ${result.error.message} (${result.error.code})` })
      return
    }
    setWritten(result)
  }

  const invalid = (field: string) => (formError?.field === field ? 'true' : undefined)
  return (
    <form class='produce-form' onSubmit={submit}>
      <div class='field-row'>
        <div class='field grow'>
          <label for={`${id}-key`}>Key <span class='muted'>(optional)</span></label>
          <input id={`${id}-key`} value={key} onInput={e => setKey(e.currentTarget.value)} spellcheck={false} autocomplete='off' aria-invalid={invalid('key')} aria-describedby={`${id}-key-hint`} />
          <p id={`${id}-key-hint`} class='hint'>Records with the same key go to the same partition.</p>
        </div>
        <EncodingField id={`${id}-key-encoding`} label='Key format' value={keyEncoding} onChange={setKeyEncoding} />
      </div>
      <div class='field-row'>
        <div class='field grow'>
          <label for={`${id}-value`}>Value</label>
          <textarea id={`${id}-value`} rows={6} value={value} onInput={e => setValue(e.currentTarget.value)} spellcheck={false} class='mono' aria-invalid={invalid('value')} />
        </div>
        <EncodingField id={`${id}-value-encoding`} label='Value format' value={valueEncoding} onChange={setValueEncoding} />
      </div>
      <div class='field-row'>
        <div class='field grow'>
          <label for={`${id}-headers`}>Headers <span class='muted'>(optional)</span></label>
          <textarea id={`${id}-headers`} rows={2} value={headers} onInput={e => setHeaders(e.currentTarget.value)} spellcheck={false} class='mono' placeholder='trace-id: abc123' aria-invalid={invalid('headers')} aria-describedby={`${id}-headers-hint`} />
          <p id={`${id}-headers-hint`} class='hint'>One name: value per line.</p>
        </div>
        <div class='field'>
          <label for={`${id}-partition`}>Partition</label>
          <select id={`${id}-partition`} value={partition} onChange={e => setPartition(e.currentTarget.value)}>
            <option value='auto'>Chosen by key</option>
            {partitions.map(p => <option key={p.partition} value={String(p.partition)}>{p.partition}</option>)}
          </select>
        </div>
      </div>
      {formError && <p class='inline-error' role='alert'>{formError.message}</p>}
      <InlineError error={produce.error} />
      <div class='form-actions'>
        <button type='submit' class='primary' disabled={produce.pending}>{produce.pending ? 'Sending…' : 'Produce message'}</button>
      </div>
      {written && written.partition !== undefined && written.offset !== undefined && (
        <div class='success-box' role='status'>
          <p>Written to partition <strong>{written.partition}</strong> at offset <strong data-testid='produced-offset'>{written.offset}</strong>.</p>
          <button type='button' onClick={() => onShow(written.partition!, written.offset!)}>Show it in the browser</button>
        </div>
      )}
    </form>
  )
}
