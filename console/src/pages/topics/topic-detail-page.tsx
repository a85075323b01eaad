/**
 * One topic: its partitions with leader, ISR and offsets, and its configs.
 */
import { useState } from 'preact/hooks'
import { api } from '../../api/endpoints.ts'
import { can } from '../../auth/permissions.ts'
import { useIdentity } from '../../auth/session.tsx'
import { ConfirmDialog } from '../../components/dialog.tsx'
import { Link } from '../../components/link.tsx'
import { notify } from '../../components/notices.tsx'
import { Page, Section } from '../../components/page.tsx'
import { Async } from '../../components/states.tsx'
import { navigate, pathWithQuery } from '../../lib/router.ts'
import { isSystemTopic } from '../../lib/system-topics.ts'
import { useAction, useResource } from '../../lib/use-resource.ts'
import { PartitionsTable } from './partitions-table.tsx'
import { TopicConfigs } from './topic-configs.tsx'

export function TopicDetailPage ({ topic }: { topic: string }) {
  const identity = useIdentity()
  const description = useResource(signal => api.describeTopic(topic, signal), [topic], { refreshMs: 10_000 })
  const [deleting, setDeleting] = useState(false)
  const remove = useAction(() => api.deleteTopic(topic))
  const mayAdmin = can(identity, 'admin', { type: 'topic', name: topic }) && !isSystemTopic({ name: topic, internal: false })
  const mayBrowse = can(identity, 'consume', { type: 'topic', name: topic })

  return (
    <Page
      title={topic}
      subtitle={<><Link to='/topics'>Topics</Link> / {topic}</>}
      actions={
        <>
          {mayBrowse && <Link class='button-link' to={pathWithQuery('/messages', { topic })}>Browse messages</Link>}
          {mayAdmin && <button type='button' class='danger-outline' onClick={() => { remove.clearError(); setDeleting(true) }}>Delete topic</button>}
        </>
      }
    >
      <Async resource={description} what={`topic ${topic}`}>
        {info => {
          const messages = info.partitions.reduce((sum, p) => sum + Math.max(0, p.latestOffset - p.earliestOffset), 0)
          const underReplicated = info.partitions.filter(p => p.isr.length < p.replicas.length).length
          return (
            <>
              <dl class='stats'>
                <div class='stat'><dt>Partitions</dt><dd>{info.partitions.length}</dd></div>
                <div class='stat'><dt>Replication</dt><dd>{info.partitions[0]?.replicas.length ?? '–'}</dd></div>
                <div class='stat'><dt>Messages retained</dt><dd>{messages.toLocaleString()}</dd></div>
                <div class='stat'><dt>Under-replicated</dt><dd>{underReplicated}</dd></div>
                <div class='stat'><dt>Topic ID</dt><dd class='small'><code>{info.id}</code></dd></div>
              </dl>
              <Section title='Partitions'>
                <PartitionsTable topic={topic} partitions={info.partitions} mayBrowse={mayBrowse} />
              </Section>
            </>
          )
        }}
      </Async>
      <Section title='Configs'>
        <TopicConfigs topic={topic} mayEdit={mayAdmin} />
      </Section>
      <ConfirmDialog
        open={deleting}
        title={`Delete topic ${topic}?`}
        confirmLabel='Delete topic'
        typeToConfirm={topic}
        pending={remove.pending}
        error={remove.error}
        onCancel={() => setDeleting(false)}
        onConfirm={async () => {
          if ((await remove.run()).ok) {
            notify(`Topic ${topic} deleted`)
            navigate('/topics')
          }
        }}
      >
        <p>All messages in <strong>{topic}</strong> are deleted from Kafka. This cannot be undone.</p>
      </ConfirmDialog>
    </Page>
  )
}
