/**
 * Topics: searchable list, create, delete (typing the name to confirm).
 */
import { useId, useRef, useState } from 'preact/hooks'
import { api } from '../../api/endpoints.ts'
import { can, canSome } from '../../auth/permissions.ts'
import { useIdentity } from '../../auth/session.tsx'
import { ConfirmDialog } from '../../components/dialog.tsx'
import { Link } from '../../components/link.tsx'
import { notify } from '../../components/notices.tsx'
import { Page, TableScroller } from '../../components/page.tsx'
import { Async, Empty } from '../../components/states.tsx'
import { navigate, pathWithQuery } from '../../lib/router.ts'
import { useAction, useResource } from '../../lib/use-resource.ts'
import { useSlashFocus } from '../../lib/use-slash-focus.ts'
import { isSystemTopic } from '../../lib/system-topics.ts'
import { CreateTopicDialog } from './create-topic-dialog.tsx'

export function TopicsPage () {
  const identity = useIdentity()
  const [showInternal, setShowInternal] = useState(false)
  const [search, setSearch] = useState('')
  const [creating, setCreating] = useState(false)
  const [deleting, setDeleting] = useState<string | undefined>(undefined)
  const topics = useResource(signal => api.listTopics(showInternal, signal), [showInternal])
  const remove = useAction((name: string) => api.deleteTopic(name))
  const searchRef = useRef<HTMLInputElement>(null)
  useSlashFocus(searchRef)
  const id = useId()
  const mayCreate = canSome(identity, 'admin', 'topic')

  const needle = search.trim().toLowerCase()
  return (
    <Page
      title='Topics'
      actions={mayCreate && <button type='button' class='primary' onClick={() => setCreating(true)}>Create topic</button>}
    >
      <div class='toolbar'>
        <div class='field inline-field grow'>
          <label for={`${id}-search`}>Search topics</label>
          <input id={`${id}-search`} ref={searchRef} type='search' value={search} onInput={e => setSearch(e.currentTarget.value)} placeholder='Name contains… (press / to focus)' autocomplete='off' />
        </div>
        <div class='field checkbox-field'>
          <input id={`${id}-internal`} type='checkbox' checked={showInternal} onChange={e => setShowInternal(e.currentTarget.checked)} />
          <label for={`${id}-internal`}>Show internal topics</label>
        </div>
      </div>
      <Async resource={topics} what='topics'>
        {list => {
          const visible = list.filter(t => showInternal || !isSystemTopic(t))
          const shown = visible.filter(t => t.name.toLowerCase().includes(needle)).sort((a, b) => a.name.localeCompare(b.name))
          if (visible.length === 0) {
            return (
              <Empty title='No topics yet.'>
                {mayCreate ? <p><button type='button' class='primary' onClick={() => setCreating(true)}>Create the first topic</button></p> : <p>Ask an administrator to create one.</p>}
              </Empty>
            )
          }
          if (shown.length === 0) return <Empty title={`No topic name contains “${search}”.`} />
          return (
            <>
              <p class='muted small' role='status'>{shown.length === visible.length ? `${visible.length} topic${visible.length === 1 ? '' : 's'}` : `${shown.length} of ${visible.length} topics`}</p>
              <TableScroller label='Topics'>
                <table>
                  <thead><tr><th scope='col'>Name</th><th scope='col' class='num'>Partitions</th><th scope='col' class='num'>Replication</th><th scope='col'><span class='visually-hidden'>Actions</span></th></tr></thead>
                  <tbody>
                    {shown.map(topic => (
                      <tr key={topic.name}>
                        <th scope='row'><Link to={`/topics/${encodeURIComponent(topic.name)}`}>{topic.name}</Link>{isSystemTopic(topic) && <span class='badge'>internal</span>}</th>
                        <td class='num'>{topic.partitions}</td>
                        <td class='num'>{topic.replicationFactor}</td>
                        <td class='row-actions'>
                          {can(identity, 'consume', { type: 'topic', name: topic.name }) && (
                            <Link class='button-link' to={pathWithQuery('/messages', { topic: topic.name })} aria-label={`Browse messages of ${topic.name}`}>Messages</Link>
                          )}
                          {!isSystemTopic(topic) && can(identity, 'admin', { type: 'topic', name: topic.name }) && (
                            <button type='button' class='danger-outline' aria-label={`Delete topic ${topic.name}`} onClick={() => { remove.clearError(); setDeleting(topic.name) }}>Delete</button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroller>
            </>
          )
        }}
      </Async>
      <CreateTopicDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={name => {
          setCreating(false)
          notify(`Topic ${name} created`)
          navigate(`/topics/${encodeURIComponent(name)}`)
        }}
      />
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete topic ${deleting ?? ''}?`}
        confirmLabel='Delete topic'
        typeToConfirm={deleting}
        pending={remove.pending}
        error={remove.error}
        onCancel={() => setDeleting(undefined)}
        onConfirm={async () => {
          const name = deleting!
          if ((await remove.run(name)).ok) {
            setDeleting(undefined)
            notify(`Topic ${name} deleted`)
            topics.reload()
          }
        }}
      >
        <p>All messages in <strong>{deleting}</strong> are deleted from Kafka. Producers and consumers of this topic will fail. This cannot be undone.</p>
      </ConfirmDialog>
    </Page>
  )
}
