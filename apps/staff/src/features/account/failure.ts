import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiFailure } from '../session/api'
import { useSession } from '../session/session'

/** What a page of one's account says of a failed call; a lost session (401) goes back to sign-in. */
export function useFailureMessage(): (failure: ApiFailure) => string {
  const { t } = useTranslation()
  const { lost } = useSession()
  return useCallback(
    (failure: ApiFailure) => {
      if (failure.status === 401) lost()
      if (failure.status === 0) return t('errors.network')
      return failure.message || t(failure.status === 429 ? 'errors.rateLimited' : 'errors.unexpected')
    },
    [t, lost],
  )
}
