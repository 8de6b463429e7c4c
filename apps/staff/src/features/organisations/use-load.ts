import type { ApiResult } from '@ansinh/ui'
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react'
import { useFailureMessage } from '../session/failure-message'

/** What a page section read from the API: still coming, missing (404), failed, or there. */
export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; message: string }
  | { status: 'ready'; value: T }

/**
 * Reads `fetch` when `key` changes (an organisation, a search) and again on `reload`; only the
 * latest call speaks, since an earlier one may answer after it. A reload keeps what is on screen
 * until its answer comes.
 */
export function useLoad<T>(key: string, fetch: () => Promise<ApiResult<T>>) {
  const failureMessage = useFailureMessage()
  const [loaded, setLoaded] = useState<Loaded<T>>({ status: 'loading' })
  const latest = useRef(0)
  const fetchNow = useEffectEvent(fetch)
  const messageOf = useEffectEvent(failureMessage)

  const load = useCallback(async () => {
    latest.current += 1
    const call = latest.current
    const result = await fetchNow()
    if (call !== latest.current) return
    if (result.ok) setLoaded({ status: 'ready', value: result.value })
    else if (result.error.status === 404) setLoaded({ status: 'missing' })
    else setLoaded({ status: 'error', message: messageOf(result.error) })
  }, [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is when to read again
  useEffect(() => {
    setLoaded({ status: 'loading' })
    void load()
    return () => {
      latest.current += 1
    }
  }, [key, load])

  return { loaded, reload: load }
}
