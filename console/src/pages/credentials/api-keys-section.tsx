/**
 * API keys: create one for a principal (its secret is shown exactly once),
 * list them, revoke one.
 */
import { useId, useState } from 'preact/hooks'
import { api } from '../../api/endpoints.ts'
import type { CreatedCredential, Credential } from '../../api/types.ts'
import { CopyButton } from '../../components/copy-button.tsx'
import { ConfirmDialog, Dialog, SubmitActions } from '../../components/dialog.tsx'
import { notify } from '../../components/notices.tsx'
import { Section, TableScroller } from '../../components/page.tsx'
import { Async, Empty } from '../../components/states.tsx'
import { formatDate } from '../../lib/format.ts'
import { useAction, useResource } from '../../lib/use-resource.ts'

function CreateKeyDialog ({ open, onClose, onCreated }: { open: boolean, onClose: () => void, onCreated: (created: CreatedCredential) => void }) {
  const [principal, setPrincipal] = useState('')
  const [description, setDescription] = useState('')
  const create = useAction((body: { principal: string, description?: string }) => api.createCredential(body))
  const id = useId()
  return (
    <Dialog open={open} title='Create an API key' onClose={() => { create.clearError(); onClose() }}>
      <form onSubmit={async e => {
        e.preventDefault()
        const outcome = await create.run({ principal: principal.trim(), ...(description.trim() ? { description: description.trim() } : {}) })
        if (outcome.ok) { setPrincipal(''); setDescription(''); onCreated(outcome.value) }
      }}>
        <div class='field'>
          <label for={`${id}-principal`}>Principal</label>
          <input id={`${id}-principal`} value={principal} onInput={e => setPrincipal(e.currentTarget.value)} required autocomplete='off' autoFocus aria-describedby={`${id}-principal-hint`} />
          <p id={`${id}-principal-hint`} class='hint'>The name permissions are granted to, e.g. billing-service.</p>
        </div>
        <div class='field'>
          <label for={`${id}-description`}>Description <span class='muted'>(optional)</span></label>
          <input id={`${id}-description`} value={description} onInput={e => setDescription(e.currentTarget.value)} placeholder='What uses this key' />
        </div>
        <SubmitActions error={create.error} pending={create.pending} submitLabel='Create key' pendingLabel='Creating…' onCancel={onClose} />
      </form>
    </Dialog>
  )
}

/** The one time the token is visible: afterwards the gateway keeps only a hash of the secret. */
function NewKeyDialog ({ created, onClose }: { created: CreatedCredential | undefined, onClose: () => void }) {
  const tokenId = useId()
  return (
    <Dialog open={created !== undefined} title='Copy the token now' onClose={onClose} wide>
      {created && (
        <div class='dialog-body'>
          <p class='notice-box' role='alert'>This is the only time the token is shown. Store it in your secret manager before closing this dialog.</p>
          <p>Key <code>{created.id}</code> for principal <strong>{created.principal}</strong>.</p>
          <label for={tokenId}>Token (send as <code>Authorization: Bearer &lt;token&gt;</code>)</label>
          <div class='secret-row'>
            <input id={tokenId} class='mono' readOnly value={created.token} onFocus={e => e.currentTarget.select()} data-testid='new-token' />
            <CopyButton text={created.token} label='Copy token' what='The token' />
          </div>
          <div class='dialog-actions'>
            <button type='button' class='primary' onClick={onClose}>I have stored it</button>
          </div>
        </div>
      )}
    </Dialog>
  )
}

export function ApiKeysSection () {
  const credentials = useResource(signal => api.listCredentials(signal), [])
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<CreatedCredential | undefined>(undefined)
  const [revoking, setRevoking] = useState<Credential | undefined>(undefined)
  const revoke = useAction((id: string) => api.revokeCredential(id))

  return (
    <Section title='API keys' actions={<button type='button' class='primary' onClick={() => setCreating(true)}>Create API key</button>}>
      <Async resource={credentials} what='API keys'>
        {list => list.length === 0
          ? <Empty title='No API keys yet.'><p>Create one per application, so each can be revoked alone.</p></Empty>
          : (
            <TableScroller label='API keys'>
              <table>
                <thead><tr><th scope='col'>Key ID</th><th scope='col'>Principal</th><th scope='col'>Description</th><th scope='col'>Created</th><th scope='col'>Status</th><th scope='col'><span class='visually-hidden'>Actions</span></th></tr></thead>
                <tbody>
                  {list.map(c => (
                    <tr key={c.id}>
                      <th scope='row'><code>{c.id}</code></th>
                      <td>{c.principal}</td>
                      <td>{c.description || <span class='muted'>–</span>}</td>
                      <td>{formatDate(c.createdAt)}</td>
                      <td>{c.revoked ? <span class='badge badge-muted'>revoked</span> : <span class='badge badge-ok'>active</span>}</td>
                      <td>{!c.revoked && <button type='button' class='danger-outline' aria-label={`Revoke key ${c.id} of ${c.principal}`} onClick={() => { revoke.clearError(); setRevoking(c) }}>Revoke</button>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
          )}
      </Async>
      <CreateKeyDialog open={creating} onClose={() => setCreating(false)} onCreated={c => { setCreating(false); setCreated(c); credentials.reload() }} />
      <NewKeyDialog created={created} onClose={() => setCreated(undefined)} />
      <ConfirmDialog
        open={revoking !== undefined}
        title='Revoke this API key?'
        confirmLabel='Revoke key'
        pending={revoke.pending}
        error={revoke.error}
        onCancel={() => setRevoking(undefined)}
        onConfirm={async () => {
          const target = revoking!
          if ((await revoke.run(target.id)).ok) {
            setRevoking(undefined)
            notify(`Key ${target.id} revoked`)
            credentials.reload()
          }
        }}
      >
        <p>Requests with key <code>{revoking?.id}</code> ({revoking?.principal}) are refused from now on. Permissions granted to the principal stay.</p>
      </ConfirmDialog>
    </Section>
  )
}
