/**
 * Who is signed in. The token lives in sessionStorage: it survives a reload
 * but not the closing of the tab, and other sites cannot read it.
 */
import { createContext, type ComponentChildren } from 'preact'
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks'
import { ApiError, setToken, setUnauthenticatedHandler } from '../api/client.ts'
import { api } from '../api/endpoints.ts'
import type { Identity } from '../api/types.ts'

const STORAGE_KEY = 'kafka-gateway-console.token'

export type Session =
  | { status: 'checking' }
  | { status: 'signed-out', reason?: string }
  | { status: 'signed-in', identity: Identity, token: string | undefined }
  | { status: 'unreachable', error: ApiError }

interface SessionApi {
  session: Session
  signIn: (token: string | undefined) => Promise<void>
  signOut: (reason?: string) => void
  retry: () => void
}

const SessionContext = createContext<SessionApi | undefined>(undefined)

function readStoredToken (): string | undefined {
  try { return sessionStorage.getItem(STORAGE_KEY) ?? undefined } catch { return undefined }
}

function storeToken (token: string | undefined): void {
  try {
    if (token) sessionStorage.setItem(STORAGE_KEY, token)
    else sessionStorage.removeItem(STORAGE_KEY)
  } catch { /* storage disabled: the session lasts as long as the page */ }
  setToken(token)
}

export function SessionProvider ({ children }: { children: ComponentChildren }) {
  const [session, setSession] = useState<Session>({ status: 'checking' })

  const signOut = useCallback((reason?: string) => {
    storeToken(undefined)
    setSession(reason ? { status: 'signed-out', reason } : { status: 'signed-out' })
  }, [])

  const signIn = useCallback(async (token: string | undefined) => {
    const identity = await api.whoami(token ?? '')
    storeToken(token)
    setSession({ status: 'signed-in', identity, token })
  }, [])

  const restore = useCallback(() => {
    const token = readStoredToken()
    setSession({ status: 'checking' })
    // whoami without a token succeeds when the gateway runs with auth mode none.
    api.whoami(token ?? '').then(identity => {
      storeToken(token)
      setSession({ status: 'signed-in', identity, token })
    }, (error: unknown) => {
      const failure = error instanceof ApiError ? error : new ApiError(0, { message: String(error) })
      if (failure.status === 401 || failure.status === 403) {
        signOut(token ? `The gateway refused the saved token: ${failure.message}` : undefined)
      } else {
        setSession({ status: 'unreachable', error: failure })
      }
    })
  }, [signOut])

  useEffect(() => {
    setUnauthenticatedHandler(error => signOut(`The gateway no longer accepts your token: ${error.message}. Sign in again.`))
    restore()
    return () => setUnauthenticatedHandler(undefined)
  }, [restore, signOut])

  const value = useMemo(() => ({ session, signIn, signOut, retry: restore }), [session, signIn, signOut, restore])
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession (): SessionApi {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession outside SessionProvider')
  return value
}

/** The signed-in identity; pages render only while signed in. */
export function useIdentity (): Identity {
  const { session } = useSession()
  if (session.status !== 'signed-in') throw new Error('useIdentity while not signed in')
  return session.identity
}
