/**
 * Grant operations on a resource (one, a name prefix, or all of a type) to
 * a principal or to a group of the identity provider.
 */
import { useId, useState } from 'preact/hooks'
import { api } from '../../api/endpoints.ts'
import type { GrantRequest, Operation, ResourceType } from '../../api/types.ts'
import { Dialog, SubmitActions } from '../../components/dialog.tsx'
import { useAction } from '../../lib/use-resource.ts'

const OPERATIONS: { value: Operation, label: string }[] = [
  { value: 'produce', label: 'Produce' },
  { value: 'consume', label: 'Consume' },
  { value: 'describe', label: 'Describe' },
  { value: 'admin', label: 'Admin (everything)' },
]
const RESOURCE_TYPES: { value: ResourceType, label: string }[] = [
  { value: 'topic', label: 'Topic' },
  { value: 'group', label: 'Consumer group' },
  { value: 'access-point', label: 'Access point' },
  { value: 'cluster', label: 'Cluster' },
]
type Match = 'all' | 'name' | 'prefix'

export function GrantPermissionDialog ({ open, onClose, onGranted }: { open: boolean, onClose: () => void, onGranted: () => void }) {
  const [who, setWho] = useState<'principal' | 'group'>('principal')
  const [subject, setSubject] = useState('')
  const [operations, setOperations] = useState<Operation[]>(['produce'])
  const [type, setType] = useState<ResourceType>('topic')
  const [match, setMatch] = useState<Match>('name')
  const [pattern, setPattern] = useState('')
  const grant = useAction((body: GrantRequest) => api.grantPermission(body))
  const id = useId()
  const noOperation = operations.length === 0

  async function submit (event: Event) {
    event.preventDefault()
    if (noOperation) return
    const resource = type === 'cluster' || match === 'all' ? { type } : match === 'name' ? { type, name: pattern.trim() } : { type, prefix: pattern.trim() }
    const outcome = await grant.run({ [who]: subject.trim(), operations, resource })
    if (outcome.ok) { setSubject(''); setPattern(''); onGranted() }
  }

  return (
    <Dialog open={open} title='Grant a permission' onClose={() => { grant.clearError(); onClose() }}>
      <form onSubmit={submit}>
        <fieldset class='field'>
          <legend>Grant to</legend>
          <label class='radio'><input type='radio' name={`${id}-who`} checked={who === 'principal'} onChange={() => setWho('principal')} /> A principal</label>
          <label class='radio'><input type='radio' name={`${id}-who`} checked={who === 'group'} onChange={() => setWho('group')} /> A group (from OIDC claims)</label>
        </fieldset>
        <div class='field'>
          <label for={`${id}-subject`}>{who === 'principal' ? 'Principal' : 'Group'}</label>
          <input id={`${id}-subject`} value={subject} onInput={e => setSubject(e.currentTarget.value)} required autocomplete='off' autoFocus />
        </div>
        <fieldset class='field' aria-describedby={noOperation ? `${id}-ops-error` : undefined}>
          <legend>Operations</legend>
          {OPERATIONS.map(op => (
            <label key={op.value} class='checkbox'>
              <input type='checkbox' checked={operations.includes(op.value)} onChange={e => setOperations(list => e.currentTarget.checked ? [...list, op.value] : list.filter(o => o !== op.value))} />
              {' '}{op.label}
            </label>
          ))}
          {noOperation && <p id={`${id}-ops-error`} class='error-text'>Choose at least one operation.</p>}
        </fieldset>
        <div class='field-row'>
          <div class='field'>
            <label for={`${id}-type`}>Resource</label>
            <select id={`${id}-type`} value={type} onChange={e => setType(e.currentTarget.value as ResourceType)}>
              {RESOURCE_TYPES.map(r => <option key={r.value} value={r.value}>{r.label}</option>)}
            </select>
          </div>
          {type !== 'cluster' && (
            <div class='field'>
              <label for={`${id}-match`}>Which</label>
              <select id={`${id}-match`} value={match} onChange={e => setMatch(e.currentTarget.value as Match)}>
                <option value='name'>Exactly named</option>
                <option value='prefix'>Names starting with</option>
                <option value='all'>All</option>
              </select>
            </div>
          )}
          {type !== 'cluster' && match !== 'all' && (
            <div class='field grow'>
              <label for={`${id}-pattern`}>{match === 'name' ? 'Name' : 'Prefix'}</label>
              <input id={`${id}-pattern`} value={pattern} onInput={e => setPattern(e.currentTarget.value)} required autocomplete='off' />
            </div>
          )}
        </div>
        <SubmitActions error={grant.error} pending={grant.pending} disabled={noOperation} submitLabel='Grant' pendingLabel='Granting…' onCancel={onClose} />
      </form>
    </Dialog>
  )
}
