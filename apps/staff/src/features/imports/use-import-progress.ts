import type { ImportView } from '@ansinh/domain'
import type { ApiFailure } from '@ansinh/ui'
import { useEffect, useEffectEvent, useState } from 'react'
import { useFailureMessage } from '../session/failure-message'
import { useLanguage } from '../session/session'
import { getImport } from './api'
import { POLL_INTERVAL_MS, RETRY_INTERVAL_MS, retriesAfter, shouldPoll } from './import-progress'

/**
 * What is known of the import being followed: still loading, gone (404: missing or out of the
 * office's reach, which the server does not tell apart), a first request that failed, or the import,
 * with why the latest request for it failed (the last answer stays on screen meanwhile).
 */
export type ImportProgress =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; message: string }
  | { status: 'ready'; view: ImportView; error: string | null }

type Followed = { id: number; progress: ImportProgress }

/**
 * Follows import `id`: asks for it every second while it is queued or running, stops once it is done
 * or failed, and stops — the request in flight aborted — when the page leaves it (another id, or
 * unmounted). `known` is the answer already in hand (the upload's), shown at once instead of a load.
 */
export function useImportProgress(id: number | null, known: ImportView | null): ImportProgress {
  const language = useLanguage()
  const failureMessage = useFailureMessage()
  const [followed, setFollowed] = useState<Followed | null>(null)
  const knownNow = useEffectEvent(() => (known && known.id === id ? known : null))
  const messageOf = useEffectEvent((failure: ApiFailure) => failureMessage(failure))

  useEffect(() => {
    if (id === null) return
    const followedId = id
    const abort = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const show = (progress: ImportProgress) => setFollowed({ id: followedId, progress })
    const askAgain = (delay: number) => {
      timer = setTimeout(() => void ask(), delay)
    }

    async function ask() {
      const result = await getImport(followedId, language, abort.signal).catch((error: unknown) => {
        // Aborted: the page left this import; anything else is the client's own fault.
        if (abort.signal.aborted) return null
        throw error
      })
      if (!result || abort.signal.aborted) return
      if (result.ok) {
        show({ status: 'ready', view: result.value, error: null })
        if (shouldPoll(result.value.status)) askAgain(POLL_INTERVAL_MS)
        return
      }
      if (result.error.status === 404) {
        show({ status: 'missing' })
        return
      }
      const message = messageOf(result.error)
      setFollowed((current) =>
        current?.id === followedId && current.progress.status === 'ready'
          ? { id: followedId, progress: { ...current.progress, error: message } }
          : { id: followedId, progress: { status: 'error', message } },
      )
      if (retriesAfter(result.error.status)) askAgain(RETRY_INTERVAL_MS)
    }

    const first = knownNow()
    if (first) {
      show({ status: 'ready', view: first, error: null })
      if (shouldPoll(first.status)) askAgain(POLL_INTERVAL_MS)
    } else {
      void ask()
    }
    return () => {
      abort.abort()
      clearTimeout(timer)
    }
  }, [id, language])

  // Until the effect has spoken for this id, what is shown is for another one (or none).
  if (id === null || followed?.id !== id) {
    const first = known && known.id === id ? known : null
    return first ? { status: 'ready', view: first, error: null } : { status: 'loading' }
  }
  return followed.progress
}
