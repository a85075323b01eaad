/**
 * Overview: the cluster, its brokers, how many topics, partitions and
 * consumer groups it has, and live produce and fetch rates.
 */
import { api } from '../api/endpoints.ts'
import { Page, Section, TableScroller } from '../components/page.tsx'
import { Async, ErrorState, Loading } from '../components/states.tsx'
import { formatRate, TimeSeriesChart } from '../components/time-series-chart.tsx'
import { useLiveRates } from '../lib/use-live-rates.ts'
import { useResource } from '../lib/use-resource.ts'
import { Link } from '../components/link.tsx'
import { isSystemTopic } from '../lib/system-topics.ts'

function Stat ({ label, value, to, small }: { label: string, value: string | number, to?: string, small?: boolean }) {
  return (
    <div class='stat'>
      <dt>{label}</dt>
      <dd class={small ? 'small' : undefined}>{to ? <Link to={to}>{value}</Link> : value}</dd>
    </div>
  )
}

function LiveRatesSection () {
  const rates = useLiveRates()
  const latestProduced = rates.produced.at(-1) ?? 0
  const latestFetched = rates.fetched.at(-1) ?? 0
  return (
    <Section title='Live throughput'>
      <p class='muted small'>Records per second through this gateway instance, sampled every 2 seconds while this page is open; the chart keeps up to the last 5 minutes.</p>
      {rates.error && <ErrorState title='Could not read the gateway metrics' error={rates.error} />}
      {!rates.ready && !rates.error && <Loading label='Measuring rates' />}
      {rates.ready && (
        <>
          <p class='rate-now' aria-live='off'>
            Now: <strong data-testid='produce-rate'>{formatRate(latestProduced)}</strong> produced/s,
            {' '}<strong data-testid='fetch-rate'>{formatRate(latestFetched)}</strong> fetched/s
          </p>
          <TimeSeriesChart
            x={rates.x}
            ys={[rates.produced, rates.fetched]}
            unit='records/s'
            series={[
              { label: 'Produced', color: 'var(--chart-1)' },
              { label: 'Fetched', color: 'var(--chart-2)', dash: [6, 4] },
            ]}
          />
        </>
      )}
    </Section>
  )
}

export function OverviewPage () {
  const cluster = useResource(signal => api.cluster(signal), [], { refreshMs: 10_000 })
  const topics = useResource(async signal => (await api.listTopics(false, signal)).filter(t => !isSystemTopic(t)), [], { refreshMs: 10_000 })
  const groups = useResource(signal => api.listGroups(signal), [], { refreshMs: 10_000 })

  return (
    <Page title='Overview'>
      <Async resource={cluster} what='the cluster'>
        {info => (
          <>
            <dl class='stats'>
              <Stat label='Cluster ID' value={info.clusterId} small />
              <Stat label='Controller' value={`broker ${info.controllerId}`} />
              <Stat label='Brokers' value={info.brokers.length} />
              <Stat label='Topics' value={topics.data ? topics.data.length : '…'} to='/topics' />
              <Stat label='Partitions' value={topics.data ? topics.data.reduce((sum, t) => sum + t.partitions, 0) : '…'} to='/topics' />
              <Stat label='Consumer groups' value={groups.data ? groups.data.length : groups.error ? '–' : '…'} to='/groups' />
            </dl>
            {topics.error && <ErrorState title='Could not count topics' error={topics.error} onRetry={topics.reload} />}
            <Section title='Brokers'>
              <TableScroller label='Brokers'>
                <table>
                  <thead><tr><th scope='col'>ID</th><th scope='col'>Host</th><th scope='col'>Port</th><th scope='col'>Rack</th><th scope='col'>Role</th></tr></thead>
                  <tbody>
                    {info.brokers.map(b => (
                      <tr key={b.id}>
                        <td>{b.id}</td><td>{b.host}</td><td>{b.port}</td><td>{b.rack ?? '–'}</td>
                        <td>{b.id === info.controllerId ? <span class='badge'>controller</span> : 'broker'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroller>
            </Section>
          </>
        )}
      </Async>
      <LiveRatesSection />
    </Page>
  )
}
