import { Link } from '../components/link.tsx'
import { Page } from '../components/page.tsx'
import { Empty } from '../components/states.tsx'

export function NotFoundPage ({ path }: { path: string }) {
  return (
    <Page title='Page not found'>
      <Empty title={`The console has no page at ${path}.`}>
        <p><Link to='/'>Go to the overview</Link></p>
      </Empty>
    </Page>
  )
}
