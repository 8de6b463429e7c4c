import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** "Đang tải…" where the content will come, read politely. */
export function Loading() {
  const { t } = useTranslation()
  return (
    <p role="status" className="staff-loading">
      {t('common.loading')}
    </p>
  )
}

/** Why the content did not come, read at once. */
export function ErrorAlert({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="staff-error">
      {children}
    </p>
  )
}
