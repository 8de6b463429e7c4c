import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** The body of a page whose feature is not built yet; `actions` holds the app's own links. */
export function ComingSoon({ actions }: { actions?: ReactNode }) {
  const { t } = useTranslation('ui')
  return (
    <section className="as-coming-soon" aria-labelledby="as-coming-soon-title">
      <svg className="as-coming-soon__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <circle cx="24" cy="24" r="20" fill="none" stroke="currentColor" strokeWidth="3" />
        <path d="M24 13 V24 L31 29" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      <h2 id="as-coming-soon-title" className="as-coming-soon__title">
        {t('comingSoon.title')}
      </h2>
      <p className="as-coming-soon__body">{t('comingSoon.body')}</p>
      {actions ? <div className="as-coming-soon__actions">{actions}</div> : null}
    </section>
  )
}
