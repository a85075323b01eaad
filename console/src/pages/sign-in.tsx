/**
 * Sign in with an API token (gw_<id>_<secret>) or an OIDC bearer token
 * (a JWT from the organisation's identity provider). Both travel the same
 * way, as `Authorization: Bearer`, so one field takes either.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks'
import { ApiError } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'
import { InlineError } from '../components/states.tsx'

function kindOf (token: string): string | undefined {
  if (/^gw_[^_]+_.+/.test(token)) return 'API token'
  if (token.split('.').length === 3) return 'OIDC token (JWT)'
  return undefined
}

export function SignIn ({ reason }: { reason?: string | undefined }) {
  const { signIn } = useSession()
  const [token, setToken] = useState('')
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ApiError | undefined>(undefined)
  const tokenId = useId()
  const hintId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => { document.title = 'Sign in · Kafka Gateway console'; heading.current?.focus() }, [])

  async function submit (withToken: string | undefined) {
    setPending(true)
    setError(undefined)
    try {
      await signIn(withToken)
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(0, { message: String(failure) }))
    } finally {
      setPending(false)
    }
  }

  const kind = kindOf(token.trim())
  return (
    <main id='main' class='sign-in'>
      <div class='sign-in-card'>
        <h1 tabIndex={-1} ref={heading}>Sign in to the Kafka Gateway console</h1>
        {reason && <p class='notice-box' role='alert'>{reason}</p>}
        <form onSubmit={e => { e.preventDefault(); void submit(token.trim()) }}>
          <div class='field'>
            <label for={tokenId}>API token or OIDC bearer token</label>
            <input
              id={tokenId}
              type='password'
              value={token}
              onInput={e => setToken(e.currentTarget.value)}
              autocomplete='off'
              spellcheck={false}
              required
              aria-describedby={hintId}
              aria-invalid={error?.status === 401 ? 'true' : undefined}
            />
            <p id={hintId} class='hint'>
              {kind ? `Looks like an ${kind}.` : 'An API token looks like gw_<id>_<secret>; an OIDC token is a JWT from your identity provider.'}
              {' '}It is kept only in this browser tab.
            </p>
          </div>
          <InlineError error={error} />
          <div class='form-actions'>
            <button type='submit' class='primary' disabled={pending || token.trim() === ''}>{pending ? 'Signing in…' : 'Sign in'}</button>
            <button type='button' disabled={pending} onClick={() => void submit(undefined)}>Continue without a token</button>
          </div>
          <p class='hint'>Without a token you get what the gateway allows anonymous callers, which is everything when it runs with authentication off.</p>
        </form>
      </div>
    </main>
  )
}
