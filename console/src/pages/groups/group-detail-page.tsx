/**
 * One consumer group: members with their assignments, and lag per
 * partition as a chart and a table. Refreshes every 5 seconds while open.
 */
import { api } from '../../api/endpoints.ts'
import type { GroupDescription } from '../../api/types.ts'
import { BarChart } from '../../components/bar-chart.tsx'
import { Link } from '../../components/link.tsx'
import { Page, Section, TableScroller } from '../../components/page.tsx'
import { Async, Empty } from '../../components/states.tsx'
import { useResource } from '../../lib/use-resource.ts'
import { stateBadgeClass } from './groups-page.tsx'

function Members ({ group }: { group: GroupDescription }) {
  if (group.members.length === 0) return <Empty title='No active members.'><p>The group keeps its committed offsets; lag grows while nobody consumes.</p></Empty>
  return (
    <TableScroller label='Members'>
      <table>
        <thead><tr><th scope='col'>Client ID</th><th scope='col'>Host</th><th scope='col'>Assigned partitions</th><th scope='col'>Member ID</th></tr></thead>
        <tbody>
          {group.members.map(m => (
            <tr key={m.memberId}>
              <th scope='row'>{m.clientId}</th>
              <td>{m.host}</td>
              <td>{m.assignments.length === 0 ? <span class='muted'>none</span> : m.assignments.map(a => <div key={a.topic}><Link to={`/topics/${encodeURIComponent(a.topic)}`}>{a.topic}</Link>: {a.partitions.join(', ')}</div>)}</td>
              <td class='small'><code>{m.memberId}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  )
}

function Lag ({ group }: { group: GroupDescription }) {
  if (group.offsets.length === 0) return <Empty title='No committed offsets.' />
  const sorted = [...group.offsets].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
  const ownerOf = new Map<string, string>()
  for (const m of group.members) for (const a of m.assignments) for (const p of a.partitions) ownerOf.set(`${a.topic}:${p}`, m.clientId)
  return (
    <>
      <BarChart
        caption='Lag per partition (records not yet consumed)'
        bars={sorted.map(o => ({ label: `${o.topic} / ${o.partition}`, value: o.lag ?? 0, display: o.lag === null ? 'no commit' : o.lag.toLocaleString() }))}
      />
      <TableScroller label='Offsets and lag'>
        <table>
          <thead><tr><th scope='col'>Topic</th><th scope='col' class='num'>Partition</th><th scope='col' class='num'>Committed offset</th><th scope='col' class='num'>End offset</th><th scope='col' class='num'>Lag</th><th scope='col'>Consumed by</th></tr></thead>
          <tbody>
            {sorted.map(o => (
              <tr key={`${o.topic}:${o.partition}`}>
                <th scope='row'>{o.topic}</th>
                <td class='num'>{o.partition}</td>
                <td class='num'>{o.committedOffset?.toLocaleString() ?? '–'}</td>
                <td class='num'>{o.endOffset.toLocaleString()}</td>
                <td class='num'>{o.lag?.toLocaleString() ?? '–'}</td>
                <td>{ownerOf.get(`${o.topic}:${o.partition}`) ?? <span class='muted'>unassigned</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
    </>
  )
}

export function GroupDetailPage ({ group }: { group: string }) {
  const description = useResource(signal => api.describeGroup(group, signal), [group], { refreshMs: 5000 })
  return (
    <Page title={group} subtitle={<><Link to='/groups'>Consumer groups</Link> / {group}</>} actions={<button type='button' onClick={description.reload} disabled={description.busy}>Refresh</button>}>
      <Async resource={description} what={`group ${group}`}>
        {g => (
          <>
            <dl class='stats'>
              <div class='stat'><dt>State</dt><dd><span class={stateBadgeClass(g.state)}>{g.state}</span></dd></div>
              <div class='stat'><dt>Members</dt><dd>{g.members.length}</dd></div>
              <div class='stat'><dt>Total lag</dt><dd data-testid='total-lag'>{g.totalLag.toLocaleString()}</dd></div>
              <div class='stat'><dt>Assignor</dt><dd>{g.protocol || '–'}</dd></div>
            </dl>
            <Section title='Members'><Members group={g} /></Section>
            <Section title='Lag'><Lag group={g} /></Section>
          </>
        )}
      </Async>
    </Page>
  )
}
