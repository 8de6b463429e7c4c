import { useCallback, useEffect, useState } from 'react'
import type { ApiFailure } from '../session/api'
import { useCitizenSession } from '../session/session'
import { useLanguage } from '../session/use-language'
import { getRecord, type RecordOf, type RecordView } from './api'
import { useRecordsSubject } from './subject'

export type RecordState<T> =
  | { status: 'loading' }
  | { status: 'ok'; value: T }
  | { status: 'error'; failure: ApiFailure }

/**
 * Loads one view of the subject chosen in the switcher (the person or a child) and loads it again when
 * the subject, the language or `query` changes. An ended session goes to the sign-in page
 * (`handleFailure`); any other failure is the screen's to show, with `reload` behind a retry button.
 */
export function useRecord<View extends RecordView>(view: View, query?: string) {
  const language = useLanguage()
  const { subject } = useRecordsSubject()
  const { handleFailure } = useCitizenSession()
  const [state, setState] = useState<RecordState<RecordOf<View>>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks for the same view again
  useEffect(() => {
    const controller = new AbortController()
    setState({ status: 'loading' })
    getRecord(view, subject, language, { signal: controller.signal, ...(query ? { query } : {}) })
      .then((result) => {
        if (result.ok) setState({ status: 'ok', value: result.value })
        else if (!handleFailure(result.error)) setState({ status: 'error', failure: result.error })
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [view, subject, language, query, handleFailure, attempt])

  const reload = useCallback(() => setAttempt((value) => value + 1), [])
  return { state, reload }
}
