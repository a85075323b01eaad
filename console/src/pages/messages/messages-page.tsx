/**
 * Message browser: pick a topic, then browse a partition, tail it live, or
 * produce a test message. The browse form lives in the URL, so a view of a
 * record can be reloaded, bookmarked and shared.
 */
import { useId, useMemo, useRef, useState } from 'preact/hooks'
import { api } from '../../api/endpoints.ts'
import { can } from '../../auth/permissions.ts'
import { useIdentity } from '../../auth/session.tsx'
import { Page } from '../../components/page.tsx'
import { Async, Empty } from '../../components/states.tsx'
import { Tabs, type Tab } from '../../components/tabs.tsx'
import { Link } from '../../components/link.tsx'
import { navigate, pathWithQuery, replaceQuietly } from '../../lib/router.ts'
import { isSystemTopic } from '../../lib/system-topics.ts'
import { useResource } from '../../lib/use-resource.ts'
import { BrowsePanel, defaultBrowseQuery, MAX_RANGE, type BrowseQuery, type BrowseRequest, type StartKind } from './browse-panel.tsx'
import { LiveTailPanel } from './live-tail-panel.tsx'
import { ProducePanel } from './produce-panel.tsx'
import { FormatPicker, type Formats } from './record-list.tsx'
import type { FilterScope } from './record-filter.ts'

type View = 'browse' | 'tail' | 'produce'
const VIEWS: View[] = ['browse', 'tail', 'produce']
const STARTS: StartKind[] = ['newest', 'earliest', 'offset', 'timestamp']
const SCOPES: FilterScope[] = ['any', 'key', 'value']

function browseQueryFrom (query: URLSearchParams): BrowseQuery {
  const fallback = defaultBrowseQuery()
  const start = query.get('start') as StartKind | null
  const count = Number(query.get('count'))
  const scope = query.get('scope') as FilterScope | null
  return {
    partition: Number(query.get('partition') ?? 0) || 0,
    start: start && STARTS.includes(start) ? start : fallback.start,
    offset: query.get('offset') ?? fallback.offset,
    time: query.get('time') ?? fallback.time,
    count: count >= 1 && count <= MAX_RANGE ? count : fallback.count,
    filter: query.get('filter') ?? '',
    scope: scope && SCOPES.includes(scope) ? scope : fallback.scope,
  }
}

function urlOf (topic: string, view: View, q: BrowseQuery): string {
  return pathWithQuery('/messages', {
    topic,
    view: view === 'browse' ? undefined : view,
    partition: q.partition,
    start: q.start,
    offset: q.start === 'offset' ? q.offset : undefined,
    time: q.start === 'timestamp' ? q.time : undefined,
    count: q.count,
    filter: q.filter || undefined,
    scope: q.filter ? q.scope : undefined,
  })
}

export function MessagesPage ({ query }: { query: URLSearchParams }) {
  const identity = useIdentity()
  const topic = query.get('topic') ?? ''
  const search = query.toString()
  const requestId = useRef(0)
  const fromUrl = useMemo<BrowseRequest>(() => ({ id: ++requestId.current, query: browseQueryFrom(query), autoRun: query.has('start') }), [search])
  const [produced, setProduced] = useState<BrowseRequest | undefined>(undefined)
  // The newest ask wins: a URL change (topic picked, link followed) or a "show it" after producing.
  const request = produced && produced.id > fromUrl.id ? produced : fromUrl
  const [view, setView] = useState<View>(() => VIEWS.find(v => v === query.get('view')) ?? 'browse')
  const [formats, setFormats] = useState<Formats>({ key: 'auto', value: 'auto' })
  const lastQuery = useRef<BrowseQuery>(fromUrl.query)
  const topics = useResource(async signal => (await api.listTopics(false, signal)).filter(t => !isSystemTopic(t)), [])
  const description = useResource(signal => (topic ? api.describeTopic(topic, signal) : Promise.resolve(undefined)), [topic])
  const id = useId()

  const mayConsume = can(identity, 'consume', { type: 'topic', name: topic })
  const mayProduce = can(identity, 'produce', { type: 'topic', name: topic })

  function selectView (next: View) {
    setView(next)
    replaceQuietly(urlOf(topic, next, lastQuery.current))
  }

  return (
    <Page title='Messages' subtitle='Browse, tail and produce records of a topic.'>
      <div class='toolbar'>
        <div class='field inline-field'>
          <label for={`${id}-topic`}>Topic</label>
          <Async resource={topics} what='topics'>
            {list => (
              <select id={`${id}-topic`} value={topic} onChange={e => navigate(pathWithQuery('/messages', { topic: e.currentTarget.value }))}>
                <option value='' disabled>Choose a topic…</option>
                {list.map(t => t.name).sort().map(name => <option key={name} value={name}>{name}</option>)}
                {topic && !list.some(t => t.name === topic) && <option value={topic}>{topic}</option>}
              </select>
            )}
          </Async>
        </div>
        {topic && <Link to={`/topics/${encodeURIComponent(topic)}`}>Topic details</Link>}
        <FormatPicker formats={formats} onChange={setFormats} />
      </div>
      {!topic
        ? <Empty title='Choose a topic to see its messages.' />
        : (
          <Async resource={description} what={`topic ${topic}`}>
            {info => {
              const partitions = info?.partitions ?? []
              const tabs: Tab<View>[] = []
              if (mayConsume) {
                tabs.push({
                  key: 'browse',
                  label: 'Browse',
                  panel: (
                    <BrowsePanel
                      topic={topic}
                      partitions={partitions}
                      request={request}
                      formats={formats}
                      onQuery={q => { lastQuery.current = q; replaceQuietly(urlOf(topic, 'browse', q)) }}
                    />
                  ),
                })
                tabs.push({ key: 'tail', label: 'Live tail', panel: <LiveTailPanel topic={topic} partitions={partitions} formats={formats} /> })
              }
              if (mayProduce) {
                tabs.push({
                  key: 'produce',
                  label: 'Produce',
                  panel: (
                    <ProducePanel
                      topic={topic}
                      partitions={partitions}
                      onShow={(partition, offset) => {
                        const q: BrowseQuery = { ...lastQuery.current, partition, start: 'offset', offset: String(offset), filter: '' }
                        lastQuery.current = q
                        setProduced({ id: ++requestId.current, query: q, autoRun: true })
                        selectView('browse')
                      }}
                    />
                  ),
                })
              }
              if (tabs.length === 0) return <Empty title={`You may neither read nor write ${topic}.`} />
              const selected = tabs.some(t => t.key === view) ? view : tabs[0]!.key
              return <Tabs label={`Messages of ${topic}`} tabs={tabs} selected={selected} onSelect={selectView} />
            }}
          </Async>
        )}
    </Page>
  )
}
