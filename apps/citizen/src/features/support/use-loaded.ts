import type { ApiResult } from '@ansinh/ui'
import { useCallback, useEffect, useState } from 'react'
import type { RecordState } from '../my-records/use-record'

/**
 * Loads a public answer (no session to end) and loads it again when `load` changes (the caller
 * memoises it on what it reads) or on `reload`; the state fits `RecordContent`.
 */
export function useLoaded<T>(load: (signal: AbortSignal) => Promise<ApiResult<T>>) {
  const [state, setState] = useState<RecordState<T>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks for the same answer again
  useEffect(() => {
    const controller = new AbortController()
    setState({ status: 'loading' })
    load(controller.signal)
      .then((result) =>
        setState(
          result.ok ? { status: 'ok', value: result.value } : { status: 'error', failure: result.error },
        ),
      )
      .catch(() => undefined)
    return () => controller.abort()
  }, [load, attempt])

  const reload = useCallback(() => setAttempt((value) => value + 1), [])
  return { state, reload }
}
