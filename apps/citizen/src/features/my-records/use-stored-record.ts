import { useCallback, useEffect, useState } from 'react'
import { type ApiFailure, ClientErrorCode } from '../session/api'
import { useCitizenSession } from '../session/session'
import { useLanguage } from '../session/use-language'
import { getRecord, type RecordOf, type RecordsSubject } from './api'
import { forgetStoredRecord, type OfflineView, readStoredRecord, storeRecord } from './stored-records'
import { useRecordsSubject } from './subject'

export type StoredRecordState<T> =
  | { status: 'loading' }
  /** Fresh from the server (and stored for later). */
  | { status: 'online'; value: T }
  /** No network: the view as last loaded on this device (`storedAt` says when). */
  | { status: 'offline'; value: T; storedAt: string }
  /** No network and nothing stored for this person. */
  | { status: 'offlineEmpty' }
  | { status: 'error'; failure: ApiFailure }

/**
 * `useRecord` for the views kept offline (the card, the profile): each answer is stored under the
 * signed-in account; without network the stored one is shown instead. Before the session is known
 * (the app started without network) the account is null and the device's stored view stands in.
 */
export function useStoredRecord<View extends OfflineView>(view: View) {
  const language = useLanguage()
  const { subject } = useRecordsSubject()
  const { state: session, handleFailure } = useCitizenSession()
  const account = session.status === 'signedIn' ? session.session.account.bhxhCode : null
  const [state, setState] = useState<StoredRecordState<RecordOf<View>>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks for the view again
  useEffect(() => {
    const controller = new AbortController()
    setState({ status: 'loading' })
    loadStoredRecord({ account, view, subject, language, signal: controller.signal, handleFailure })
      .then((next) => {
        if (next && !controller.signal.aborted) setState(next)
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [account, view, subject, language, handleFailure, attempt])

  const reload = useCallback(() => setAttempt((value) => value + 1), [])
  return { state, reload }
}

/** Null when the session code took over (an ended session goes to the sign-in page). */
async function loadStoredRecord<View extends OfflineView>(request: {
  account: string | null
  view: View
  subject: RecordsSubject
  language: 'vi' | 'en'
  signal: AbortSignal
  handleFailure: (failure: ApiFailure) => boolean
}): Promise<StoredRecordState<RecordOf<View>> | null> {
  const { account, view, subject } = request
  const result = await getRecord(view, subject, request.language, { signal: request.signal })
  if (result.ok) {
    if (account !== null) await storeRecord(account, view, subject, result.value)
    return { status: 'online', value: result.value }
  }
  if (request.handleFailure(result.error)) return null
  if (result.error.code !== ClientErrorCode.Network) {
    if (result.error.status === 404 && account !== null) await forgetStoredRecord(account, view, subject)
    return { status: 'error', failure: result.error }
  }
  const stored = await readStoredRecord(account, view, subject)
  return stored
    ? { status: 'offline', value: stored.value, storedAt: stored.storedAt }
    : { status: 'offlineEmpty' }
}
