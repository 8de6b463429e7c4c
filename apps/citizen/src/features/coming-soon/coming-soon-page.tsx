import { ComingSoon, useDocumentTitle } from '@ansinh/ui'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { BackButton } from './back-button'

/** Stand-in for a feature that a later issue builds; `title` is already translated. */
export function ComingSoonPage({ title }: { title: string }) {
  const { t } = useTranslation()
  useDocumentTitle(t('app.name'), title)
  return (
    <div className="page">
      <div className="page-bar">
        <BackButton />
        <h1 className="page-bar__title">{title}</h1>
      </div>
      <ComingSoon
        actions={
          <Link to="/" className="as-button as-button--secondary">
            {t('page.home')}
          </Link>
        }
      />
    </div>
  )
}
