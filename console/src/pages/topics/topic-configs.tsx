/**
 * A topic's configs, overrides first; an admin can change or reset a value
 * in place. Sensitive values are never shown (the broker does not send them).
 */
import { useId, useState } from 'preact/hooks'
import { api } from '../../api/endpoints.ts'
import type { ConfigEntry } from '../../api/types.ts'
import { notify } from '../../components/notices.tsx'
import { TableScroller } from '../../components/page.tsx'
import { Async, InlineError } from '../../components/states.tsx'
import { useAction, useResource } from '../../lib/use-resource.ts'

function EditableValue ({ topic, entry, onChanged }: { topic: string, entry: ConfigEntry, onChanged: () => void }) {
  const [editing, setEditing] = useState(false)
  const [value, setValue] = useState(entry.value ?? '')
  const save = useAction((next: string | null) => api.alterTopicConfig(topic, entry.name, next))
  const id = useId()

  async function apply (next: string | null) {
    if ((await save.run(next)).ok) {
      setEditing(false)
      notify(next === null ? `${entry.name} reset to its default` : `${entry.name} set to ${next}`)
      onChanged()
    }
  }

  if (!editing) {
    return (
      <>
        <code>{entry.sensitive ? '(hidden)' : entry.value ?? '–'}</code>
        <button type='button' class='link-button' aria-label={`Edit ${entry.name}`} onClick={() => { setValue(entry.value ?? ''); setEditing(true) }}>Edit</button>
      </>
    )
  }
  return (
    <form class='inline-form' onSubmit={e => { e.preventDefault(); void apply(value) }}>
      <label class='visually-hidden' for={id}>New value of {entry.name}</label>
      <input id={id} value={value} onInput={e => setValue(e.currentTarget.value)} autoFocus spellcheck={false} onKeyDown={e => { if (e.key === 'Escape') setEditing(false) }} />
      <button type='submit' class='primary small' disabled={save.pending}>Save</button>
      {!entry.isDefault && <button type='button' class='small' disabled={save.pending} onClick={() => void apply(null)}>Reset to default</button>}
      <button type='button' class='small' onClick={() => setEditing(false)}>Cancel</button>
      <InlineError error={save.error} />
    </form>
  )
}

export function TopicConfigs ({ topic, mayEdit }: { topic: string, mayEdit: boolean }) {
  const configs = useResource(signal => api.topicConfigs(topic, signal), [topic])
  const [overridesOnly, setOverridesOnly] = useState(false)
  const id = useId()
  return (
    <Async resource={configs} what='topic configs'>
      {list => {
        const sorted = [...list].sort((a, b) => Number(a.isDefault) - Number(b.isDefault) || a.name.localeCompare(b.name))
        const shown = overridesOnly ? sorted.filter(c => !c.isDefault) : sorted
        return (
          <>
            <div class='field checkbox-field'>
              <input id={id} type='checkbox' checked={overridesOnly} onChange={e => setOverridesOnly(e.currentTarget.checked)} />
              <label for={id}>Only values set on this topic ({list.filter(c => !c.isDefault).length})</label>
            </div>
            <TableScroller label={`Configs of ${topic}`}>
              <table class='configs'>
                <thead><tr><th scope='col'>Name</th><th scope='col'>Value</th><th scope='col'>Source</th></tr></thead>
                <tbody>
                  {shown.map(entry => (
                    <tr key={entry.name} class={entry.isDefault ? '' : 'overridden'}>
                      <th scope='row'><code>{entry.name}</code></th>
                      <td>
                        {mayEdit && !entry.readOnly
                          ? <EditableValue topic={topic} entry={entry} onChanged={configs.reload} />
                          : <code>{entry.sensitive ? '(hidden)' : entry.value ?? '–'}</code>}
                      </td>
                      <td class='muted small'>{entry.source.toLowerCase().replace(/_/g, ' ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
          </>
        )
      }}
    </Async>
  )
}
