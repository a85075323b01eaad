/**
 * Create a topic: name, partitions, replication and the configs people set
 * most (retention, cleanup policy), plus any other config as name=value lines.
 */
import { useId, useState } from 'preact/hooks'
import { api } from '../../api/endpoints.ts'
import type { CreateTopicRequest } from '../../api/types.ts'
import { Dialog, SubmitActions } from '../../components/dialog.tsx'
import { useAction } from '../../lib/use-resource.ts'

const RETENTION_CHOICES = [
  { label: 'Broker default', value: '' },
  { label: '1 hour', value: String(3600_000) },
  { label: '1 day', value: String(86_400_000) },
  { label: '7 days', value: String(7 * 86_400_000) },
  { label: '30 days', value: String(30 * 86_400_000) },
  { label: 'Forever', value: '-1' },
]

/** 'a=b' lines → configs; returns the first bad line number instead when one does not parse. */
export function parseConfigLines (text: string): Record<string, string> | number {
  const configs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line === '' || line.startsWith('#')) continue
    const eq = line.indexOf('=')
    if (eq <= 0) return i + 1
    configs[line.slice(0, eq).trim()] = line.slice(eq + 1).trim()
  }
  return configs
}

export function CreateTopicDialog ({ open, onClose, onCreated }: { open: boolean, onClose: () => void, onCreated: (name: string) => void }) {
  const [name, setName] = useState('')
  const [partitions, setPartitions] = useState('1')
  const [replication, setReplication] = useState('-1')
  const [retention, setRetention] = useState('')
  const [compact, setCompact] = useState(false)
  const [extra, setExtra] = useState('')
  const [extraError, setExtraError] = useState<string | undefined>(undefined)
  const create = useAction((body: CreateTopicRequest) => api.createTopic(body))
  const id = useId()

  async function submit (event: Event) {
    event.preventDefault()
    const parsed = parseConfigLines(extra)
    if (typeof parsed === 'number') { setExtraError(`Line ${parsed} is not name=value`); return }
    setExtraError(undefined)
    const configs: Record<string, string> = { ...parsed }
    if (retention) configs['retention.ms'] = retention
    if (compact) configs['cleanup.policy'] = 'compact'
    const created = await create.run({ name: name.trim(), partitions: Number(partitions), replicationFactor: Number(replication), configs })
    if (created.ok) {
      onCreated(created.value.name)
      setName('')
      setExtra('')
    }
  }

  return (
    <Dialog open={open} title='Create a topic' onClose={() => { create.clearError(); onClose() }}>
      <form onSubmit={submit}>
        <div class='field'>
          <label for={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={name} onInput={e => setName(e.currentTarget.value)} required maxLength={249} pattern='[a-zA-Z0-9._\-]+' autocomplete='off' spellcheck={false} aria-describedby={`${id}-name-hint`} autoFocus />
          <p id={`${id}-name-hint`} class='hint'>Letters, digits, dot, underscore and hyphen.</p>
        </div>
        <div class='field-row'>
          <div class='field'>
            <label for={`${id}-partitions`}>Partitions</label>
            <input id={`${id}-partitions`} type='number' min={1} max={100000} value={partitions} onInput={e => setPartitions(e.currentTarget.value)} required />
          </div>
          <div class='field'>
            <label for={`${id}-replication`}>Replication factor</label>
            <input id={`${id}-replication`} type='number' min={-1} max={32767} value={replication} onInput={e => setReplication(e.currentTarget.value)} required aria-describedby={`${id}-replication-hint`} />
            <p id={`${id}-replication-hint`} class='hint'>-1 uses the broker default.</p>
          </div>
        </div>
        <div class='field-row'>
          <div class='field'>
            <label for={`${id}-retention`}>Retention</label>
            <select id={`${id}-retention`} value={retention} onChange={e => setRetention(e.currentTarget.value)}>
              {RETENTION_CHOICES.map(c => <option key={c.label} value={c.value}>{c.label}</option>)}
            </select>
          </div>
          <div class='field checkbox-field'>
            <input id={`${id}-compact`} type='checkbox' checked={compact} onChange={e => setCompact(e.currentTarget.checked)} />
            <label for={`${id}-compact`}>Compacted (keep the latest value per key)</label>
          </div>
        </div>
        <div class='field'>
          <label for={`${id}-extra`}>Other configs</label>
          <textarea id={`${id}-extra`} rows={3} value={extra} onInput={e => setExtra(e.currentTarget.value)} placeholder='max.message.bytes=2097152' spellcheck={false} aria-describedby={`${id}-extra-hint`} aria-invalid={extraError ? 'true' : undefined} />
          <p id={`${id}-extra-hint`} class='hint'>{extraError ? <span class='error-text'>{extraError}</span> : 'One name=value per line.'}</p>
        </div>
        <SubmitActions error={create.error} pending={create.pending} submitLabel='Create topic' pendingLabel='Creating…' onCancel={onClose} />
      </form>
    </Dialog>
  )
}
