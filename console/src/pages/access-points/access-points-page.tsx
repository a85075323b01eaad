/**
 * Access points: ingest URLs bound to topics. List with status, create,
 * pause and resume with one click, delete, and copy the URL or a ready
 * curl command.
 */
import { useState } from 'preact/hooks'
import { api } from '../../api/endpoints.ts'
import type { AccessPoint } from '../../api/types.ts'
import { can } from '../../auth/permissions.ts'
import { useIdentity, useSession } from '../../auth/session.tsx'
import { CopyButton } from '../../components/copy-button.tsx'
import { ConfirmDialog } from '../../components/dialog.tsx'
import { Link } from '../../components/link.tsx'
import { notify } from '../../components/notices.tsx'
import { Page } from '../../components/page.tsx'
import { Async, Empty, InlineError } from '../../components/states.tsx'
import { formatDate } from '../../lib/format.ts'
import { useAction, useResource } from '../../lib/use-resource.ts'
import { CreateAccessPointDialog } from './create-access-point-dialog.tsx'
import { curlCommand, ingestUrl } from './ingest-snippets.ts'

function limitsText (ap: AccessPoint): string {
  const parts: string[] = []
  if (ap.limits?.recordsPerSecond) parts.push(`${ap.limits.recordsPerSecond.toLocaleString()} records/s`)
  if (ap.limits?.bytesPerSecond) parts.push(`${ap.limits.bytesPerSecond.toLocaleString()} bytes/s`)
  if (ap.limits?.maxMessageBytes) parts.push(`≤ ${ap.limits.maxMessageBytes.toLocaleString()} bytes per message`)
  return parts.join(', ') || 'no limits'
}

function AccessPointCard ({ ap, mayAdmin, withAuth, onChanged, onDelete }: { ap: AccessPoint, mayAdmin: boolean, withAuth: boolean, onChanged: () => void, onDelete: () => void }) {
  const toggle = useAction(() => (ap.status === 'running' ? api.pauseAccessPoint(ap.id) : api.resumeAccessPoint(ap.id)))
  const url = ingestUrl(window.location.origin, ap.ingestPath)
  const running = ap.status === 'running'
  return (
    <li class='card access-point' data-access-point={ap.id}>
      <div class='card-header'>
        <h3>{ap.name}</h3>
        <span class={running ? 'badge badge-ok' : 'badge badge-warning'} data-testid='access-point-status'>{running ? 'Running' : 'Paused'}</span>
      </div>
      {ap.description && <p>{ap.description}</p>}
      <dl class='facts'>
        <div><dt>ID</dt><dd><code>{ap.id}</code></dd></div>
        <div><dt>Topic</dt><dd><Link to={`/topics/${encodeURIComponent(ap.topic)}`}>{ap.topic}</Link></dd></div>
        <div><dt>Limits</dt><dd>{limitsText(ap)}</dd></div>
        <div><dt>Allowed</dt><dd>{ap.allowedPrincipals?.length ? ap.allowedPrincipals.join(', ') : 'anyone permitted to produce'}</dd></div>
        <div><dt>Updated</dt><dd>{formatDate(ap.updatedAt)}</dd></div>
        <div><dt>Ingest URL</dt><dd><code class='break'>{url}</code></dd></div>
      </dl>
      <div class='card-actions'>
        <CopyButton text={url} label='Copy ingest URL' what='The ingest URL' />
        <CopyButton text={curlCommand(url, withAuth)} label='Copy curl command' what='The curl command' />
        {mayAdmin && (
          <button
            type='button'
            class={running ? '' : 'primary'}
            disabled={toggle.pending}
            aria-label={`${running ? 'Pause' : 'Resume'} ${ap.name}`}
            onClick={async () => {
              if ((await toggle.run()).ok) {
                notify(`${ap.name} ${running ? 'paused: it now refuses new messages' : 'resumed'}`)
                onChanged()
              }
            }}
          >
            {toggle.pending ? 'Working…' : running ? 'Pause' : 'Resume'}
          </button>
        )}
        {mayAdmin && <button type='button' class='danger-outline' aria-label={`Delete ${ap.name}`} onClick={onDelete}>Delete</button>}
      </div>
      <InlineError error={toggle.error} />
      {!running && <p class='muted small'>While paused, the access point refuses new messages; nothing is written to {ap.topic}.</p>}
    </li>
  )
}

export function AccessPointsPage () {
  const identity = useIdentity()
  const { session } = useSession()
  const accessPoints = useResource(signal => api.listAccessPoints(signal), [], { refreshMs: 10_000 })
  const [creating, setCreating] = useState(false)
  const [deleting, setDeleting] = useState<AccessPoint | undefined>(undefined)
  const remove = useAction((id: string) => api.deleteAccessPoint(id))
  const mayCreate = can(identity, 'admin', { type: 'access-point' })
  const withAuth = session.status === 'signed-in' && session.token !== undefined

  return (
    <Page
      title='Access points'
      subtitle='Ingest URLs that write to one topic, each with its own limits, that you can pause with one click.'
      actions={mayCreate && <button type='button' class='primary' onClick={() => setCreating(true)}>Create access point</button>}
    >
      <Async resource={accessPoints} what='access points'>
        {list => list.length === 0
          ? (
            <Empty title='No access points yet.'>
              <p>An access point gives a device or partner a URL to send messages to, without access to anything else.</p>
              {mayCreate && <p><button type='button' class='primary' onClick={() => setCreating(true)}>Create the first access point</button></p>}
            </Empty>
          )
          : (
            <ul class='cards'>
              {[...list].sort((a, b) => a.name.localeCompare(b.name)).map(ap => (
                <AccessPointCard
                  key={ap.id}
                  ap={ap}
                  mayAdmin={can(identity, 'admin', { type: 'access-point', name: ap.id })}
                  withAuth={withAuth}
                  onChanged={accessPoints.reload}
                  onDelete={() => { remove.clearError(); setDeleting(ap) }}
                />
              ))}
            </ul>
          )}
      </Async>
      <CreateAccessPointDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={ap => { setCreating(false); notify(`Access point ${ap.name} created`); accessPoints.reload() }}
      />
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete access point ${deleting?.name ?? ''}?`}
        confirmLabel='Delete access point'
        pending={remove.pending}
        error={remove.error}
        onCancel={() => setDeleting(undefined)}
        onConfirm={async () => {
          const target = deleting!
          if ((await remove.run(target.id)).ok) {
            setDeleting(undefined)
            notify(`Access point ${target.name} deleted`)
            accessPoints.reload()
          }
        }}
      >
        <p>Senders using <code>{deleting?.ingestPath}</code> will get errors from now on. The topic {deleting?.topic} and its messages stay.</p>
      </ConfirmDialog>
    </Page>
  )
}
