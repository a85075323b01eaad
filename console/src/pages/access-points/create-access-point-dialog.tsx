/**
 * Create an access point: a named ingest URL bound to one topic, with
 * optional rate and size limits and an allow-list of principals.
 */
import { useId, useState } from 'preact/hooks'
import { api } from '../../api/endpoints.ts'
import type { AccessPoint, AccessPointLimits, CreateAccessPointRequest } from '../../api/types.ts'
import { Dialog, SubmitActions } from '../../components/dialog.tsx'
import { isSystemTopic } from '../../lib/system-topics.ts'
import { useAction, useResource } from '../../lib/use-resource.ts'

function positive (text: string): number | undefined {
  const n = Number(text)
  return text.trim() !== '' && Number.isInteger(n) && n > 0 ? n : undefined
}

export function CreateAccessPointDialog ({ open, onClose, onCreated }: { open: boolean, onClose: () => void, onCreated: (accessPoint: AccessPoint) => void }) {
  const topics = useResource(async signal => (open ? (await api.listTopics(false, signal)).filter(t => !isSystemTopic(t)) : []), [open])
  const [name, setName] = useState('')
  const [topic, setTopic] = useState('')
  const [description, setDescription] = useState('')
  const [recordsPerSecond, setRecordsPerSecond] = useState('')
  const [bytesPerSecond, setBytesPerSecond] = useState('')
  const [maxMessageBytes, setMaxMessageBytes] = useState('')
  const [principals, setPrincipals] = useState('')
  const create = useAction((body: CreateAccessPointRequest) => api.createAccessPoint(body))
  const id = useId()

  async function submit (event: Event) {
    event.preventDefault()
    const limits: AccessPointLimits = {}
    const rps = positive(recordsPerSecond)
    const bps = positive(bytesPerSecond)
    const max = positive(maxMessageBytes)
    if (rps) limits.recordsPerSecond = rps
    if (bps) limits.bytesPerSecond = bps
    if (max) limits.maxMessageBytes = max
    const allowed = principals.split(/[\s,]+/).filter(Boolean)
    const outcome = await create.run({
      name: name.trim(),
      topic,
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(Object.keys(limits).length > 0 ? { limits } : {}),
      ...(allowed.length > 0 ? { allowedPrincipals: allowed } : {}),
    })
    if (outcome.ok) {
      setName('')
      setDescription('')
      onCreated(outcome.value)
    }
  }

  return (
    <Dialog open={open} title='Create an access point' onClose={() => { create.clearError(); onClose() }}>
      <form onSubmit={submit}>
        <div class='field'>
          <label for={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={name} onInput={e => setName(e.currentTarget.value)} required autocomplete='off' autoFocus />
        </div>
        <div class='field'>
          <label for={`${id}-topic`}>Topic</label>
          <select id={`${id}-topic`} value={topic} onChange={e => setTopic(e.currentTarget.value)} required>
            <option value='' disabled>{topics.loading ? 'Loading topics…' : 'Choose a topic…'}</option>
            {(topics.data ?? []).map(t => t.name).sort().map(n => <option key={n} value={n}>{n}</option>)}
          </select>
          {topics.error && <p class='inline-error' role='alert'>Could not list topics: {topics.error.message}</p>}
        </div>
        <div class='field'>
          <label for={`${id}-description`}>Description <span class='muted'>(optional)</span></label>
          <input id={`${id}-description`} value={description} onInput={e => setDescription(e.currentTarget.value)} />
        </div>
        <fieldset class='field'>
          <legend>Limits <span class='muted'>(optional; empty means none)</span></legend>
          <div class='field-row'>
            <div class='field'>
              <label for={`${id}-rps`}>Records per second</label>
              <input id={`${id}-rps`} type='number' min={1} value={recordsPerSecond} onInput={e => setRecordsPerSecond(e.currentTarget.value)} />
            </div>
            <div class='field'>
              <label for={`${id}-bps`}>Bytes per second</label>
              <input id={`${id}-bps`} type='number' min={1} value={bytesPerSecond} onInput={e => setBytesPerSecond(e.currentTarget.value)} />
            </div>
            <div class='field'>
              <label for={`${id}-max`}>Largest message (bytes)</label>
              <input id={`${id}-max`} type='number' min={1} value={maxMessageBytes} onInput={e => setMaxMessageBytes(e.currentTarget.value)} />
            </div>
          </div>
        </fieldset>
        <div class='field'>
          <label for={`${id}-principals`}>Allowed principals <span class='muted'>(optional)</span></label>
          <input id={`${id}-principals`} value={principals} onInput={e => setPrincipals(e.currentTarget.value)} placeholder='sensor-fleet, billing' aria-describedby={`${id}-principals-hint`} />
          <p id={`${id}-principals-hint`} class='hint'>Comma separated. Empty lets anyone with produce permission on the access point send.</p>
        </div>
        <SubmitActions error={create.error} pending={create.pending} submitLabel='Create access point' pendingLabel='Creating…' onCancel={onClose} />
      </form>
    </Dialog>
  )
}
