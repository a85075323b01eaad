/**
 * The console shell: session gate, navigation, and the page for the current
 * route. Navigation offers only what the signed-in principal may use.
 */
import { useEffect, useRef } from 'preact/hooks'
import { can } from './auth/permissions.ts'
import { SessionProvider, useSession } from './auth/session.tsx'
import { Link } from './components/link.tsx'
import { Notices } from './components/notices.tsx'
import { ErrorState, Loading } from './components/states.tsx'
import { matchPath, useLocation } from './lib/router.ts'
import { AccessPointsPage } from './pages/access-points/access-points-page.tsx'
import { CredentialsPage } from './pages/credentials/credentials-page.tsx'
import { GroupDetailPage } from './pages/groups/group-detail-page.tsx'
import { GroupsPage } from './pages/groups/groups-page.tsx'
import { MessagesPage } from './pages/messages/messages-page.tsx'
import { NotFoundPage } from './pages/not-found.tsx'
import { OverviewPage } from './pages/overview.tsx'
import { SignIn } from './pages/sign-in.tsx'
import { TopicDetailPage } from './pages/topics/topic-detail-page.tsx'
import { TopicsPage } from './pages/topics/topics-page.tsx'
import type { Identity } from './api/types.ts'

interface NavItem { path: string, label: string, visible: (identity: Identity) => boolean }

const NAV: NavItem[] = [
  { path: '/', label: 'Overview', visible: () => true },
  { path: '/topics', label: 'Topics', visible: () => true },
  { path: '/messages', label: 'Messages', visible: () => true },
  { path: '/groups', label: 'Consumer groups', visible: () => true },
  { path: '/access-points', label: 'Access points', visible: identity => can(identity, 'describe', { type: 'access-point' }) },
  { path: '/credentials', label: 'Credentials', visible: identity => identity.admin },
]

function pageFor (path: string, query: URLSearchParams) {
  if (path === '/' || path === '') return <OverviewPage />
  if (path === '/topics') return <TopicsPage />
  let params = matchPath('/topics/:topic', path)
  if (params) return <TopicDetailPage topic={params.topic!} />
  if (path === '/messages') return <MessagesPage query={query} />
  if (path === '/groups') return <GroupsPage />
  params = matchPath('/groups/:group', path)
  if (params) return <GroupDetailPage group={params.group!} />
  if (path === '/access-points') return <AccessPointsPage />
  if (path === '/credentials') return <CredentialsPage />
  return <NotFoundPage path={path} />
}

function isCurrent (item: NavItem, path: string): boolean {
  return item.path === '/' ? path === '/' : path === item.path || path.startsWith(`${item.path}/`)
}

function Shell ({ identity, signedInWithToken }: { identity: Identity, signedInWithToken: boolean }) {
  const { signOut } = useSession()
  const { path, query } = useLocation()
  const main = useRef<HTMLElement>(null)
  const firstRender = useRef(true)

  // Move focus to the new page's heading on navigation (not on first load).
  useEffect(() => {
    if (firstRender.current) { firstRender.current = false; return }
    const heading = main.current?.querySelector<HTMLElement>('[data-page-heading]')
    ;(heading ?? main.current)?.focus()
  }, [path])

  return (
    <div class='shell'>
      <a class='skip-link' href='#main'>Skip to content</a>
      <header class='topbar'>
        <span class='brand'>Kafka Gateway</span>
        <div class='who'>
          <span class='principal' title={`kind: ${identity.kind}`}>
            <span class='muted'>Signed in as </span><strong data-testid='principal'>{identity.principal}</strong>
            {identity.admin && <span class='badge'>admin</span>}
          </span>
          <button type='button' class='secondary small' onClick={() => signOut()}>
            {signedInWithToken ? 'Sign out' : 'Sign in with a token'}
          </button>
        </div>
      </header>
      <nav class='sidenav' aria-label='Console sections'>
        <ul>
          {NAV.filter(item => item.visible(identity)).map(item => (
            <li key={item.path}>
              <Link to={item.path} aria-current={isCurrent(item, path) ? 'page' : undefined}>{item.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id='main' ref={main} tabIndex={-1}>
        {pageFor(path, query)}
      </main>
      <Notices />
    </div>
  )
}

function Gate () {
  const { session, retry } = useSession()
  switch (session.status) {
    case 'checking':
      return <main id='main' class='centered'><Loading label='Connecting to the gateway' /></main>
    case 'unreachable':
      return (
        <main id='main' class='centered'>
          <h1>Kafka Gateway console</h1>
          <ErrorState title='Could not reach the gateway' error={session.error} onRetry={retry} />
        </main>
      )
    case 'signed-out':
      return <SignIn reason={session.reason} />
    case 'signed-in':
      return <Shell identity={session.identity} signedInWithToken={session.token !== undefined} />
  }
}

export function App () {
  return <SessionProvider><Gate /></SessionProvider>
}
