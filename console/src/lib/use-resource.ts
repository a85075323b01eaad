/**
 * Loads something from the gateway for a page, with the three states every
 * page shows (loading, error, ready). Reloads keep the last data on screen so
 * a refresh does not flash; a reload superseded by a newer one is discarded.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { ApiError } from '../api/client.ts'

export interface Resource<T> {
  data: T | undefined
  error: ApiError | undefined
  /** True until the first answer (data or error) arrives. */
  loading: boolean
  /** True while any load, first or later, is under way. */
  busy: boolean
  reload: () => void
}

function asApiError (error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, { code: 'console_error', message: error instanceof Error ? error.message : String(error) })
}

export function useResource<T> (load: (signal: AbortSignal) => Promise<T>, deps: unknown[], options: { refreshMs?: number } = {}): Resource<T> {
  const [state, setState] = useState<{ data: T | undefined, error: ApiError | undefined, loading: boolean, busy: boolean }>({ data: undefined, error: undefined, loading: true, busy: true })
  const generation = useRef(0)
  const controller = useRef<AbortController | undefined>(undefined)

  const run = useCallback((fresh: boolean) => {
    const mine = ++generation.current
    controller.current?.abort()
    const abort = new AbortController()
    controller.current = abort
    setState(s => fresh ? { data: undefined, error: undefined, loading: true, busy: true } : { ...s, busy: true })
    load(abort.signal).then(
      data => { if (mine === generation.current) setState({ data, error: undefined, loading: false, busy: false }) },
      error => {
        if (mine !== generation.current || abort.signal.aborted) return
        setState(s => ({ data: s.data, error: asApiError(error), loading: false, busy: false }))
      },
    )
  }, deps)

  useEffect(() => {
    run(true)
    return () => { generation.current++; controller.current?.abort() }
  }, [run])

  useEffect(() => {
    if (!options.refreshMs) return
    const timer = setInterval(() => { if (document.visibilityState === 'visible') run(false) }, options.refreshMs)
    return () => clearInterval(timer)
  }, [run, options.refreshMs])

  const reload = useCallback(() => run(false), [run])
  return { ...state, reload }
}

export type ActionOutcome<R> = { ok: true, value: R } | { ok: false, error: ApiError }

/** Runs an action (create, delete…) and remembers its failure for the form that started it. */
export function useAction<A extends unknown[], R> (action: (...args: A) => Promise<R>): { run: (...args: A) => Promise<ActionOutcome<R>>, pending: boolean, error: ApiError | undefined, clearError: () => void } {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ApiError | undefined>(undefined)
  const run = useCallback(async (...args: A): Promise<ActionOutcome<R>> => {
    setPending(true)
    setError(undefined)
    try {
      return { ok: true, value: await action(...args) }
    } catch (failure) {
      const apiError = asApiError(failure)
      setError(apiError)
      return { ok: false, error: apiError }
    } finally {
      setPending(false)
    }
  }, [action])
  return { run, pending, error, clearError: () => setError(undefined) }
}
