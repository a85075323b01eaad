/**
 * A topic's partitions: leader, replicas, in-sync replicas (under-replicated
 * ones flagged), offsets and a link to browse each.
 */
import type { PartitionInfo } from '../../api/types.ts'
import { Link } from '../../components/link.tsx'
import { TableScroller } from '../../components/page.tsx'
import { pathWithQuery } from '../../lib/router.ts'

export function PartitionsTable ({ topic, partitions, mayBrowse }: { topic: string, partitions: PartitionInfo[], mayBrowse: boolean }) {
  return (
    <TableScroller label={`Partitions of ${topic}`}>
      <table>
        <thead>
          <tr>
            <th scope='col' class='num'>Partition</th>
            <th scope='col' class='num'>Leader</th>
            <th scope='col'>Replicas</th>
            <th scope='col'>In-sync replicas</th>
            <th scope='col' class='num'>Earliest offset</th>
            <th scope='col' class='num'>Latest offset</th>
            <th scope='col' class='num'>Messages</th>
            {mayBrowse && <th scope='col'><span class='visually-hidden'>Browse</span></th>}
          </tr>
        </thead>
        <tbody>
          {partitions.map(p => {
            const underReplicated = p.isr.length < p.replicas.length
            return (
              <tr key={p.partition}>
                <th scope='row' class='num'>{p.partition}</th>
                <td class='num'>{p.leader < 0 ? <span class='badge badge-danger'>no leader</span> : p.leader}</td>
                <td>{p.replicas.join(', ')}</td>
                <td>
                  {p.isr.join(', ') || '–'}
                  {underReplicated && <span class='badge badge-warning'>under-replicated</span>}
                </td>
                <td class='num'>{p.earliestOffset.toLocaleString()}</td>
                <td class='num'>{p.latestOffset.toLocaleString()}</td>
                <td class='num'>{Math.max(0, p.latestOffset - p.earliestOffset).toLocaleString()}</td>
                {mayBrowse && (
                  <td>
                    <Link to={pathWithQuery('/messages', { topic, partition: p.partition, start: 'newest' })} aria-label={`Browse newest messages of partition ${p.partition}`}>Browse</Link>
                  </td>
                )}
              </tr>
            )
          })}
        </tbody>
      </table>
    </TableScroller>
  )
}
