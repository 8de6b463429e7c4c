import type { ApiFailure } from '@ansinh/ui'
import type { TFunction } from 'i18next'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from './session'

/**
 * What the app says of a failed call: the server's own message (in the request's language) when it
 * gave one, else the app's words for no connection, too many tries, or anything else.
 */
export function failureMessage(failure: ApiFailure, t: TFunction): string {
  if (failure.status === 0) return t('errors.network')
  return failure.message || t(failure.status === 429 ? 'errors.rateLimited' : 'errors.unexpected')
}

/**
 * `failureMessage` for the pages behind a session, where a 401 means the session ended (timed out,
 * signed out elsewhere, account locked): the person goes back to the sign-in page.
 */
export function useFailureMessage(): (failure: ApiFailure) => string {
  const { t } = useTranslation()
  const { lost } = useSession()
  return useCallback(
    (failure: ApiFailure) => {
      if (failure.status === 401) lost()
      return failureMessage(failure, t)
    },
    [t, lost],
  )
}
