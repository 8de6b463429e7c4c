import { useDocumentTitle } from '@ansinh/ui'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export function NotFoundPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('app.name'), t('notFound.title'))
  return (
    <div className="page">
      <div className="page-bar">
        <h1 className="page-bar__title">{t('notFound.title')}</h1>
      </div>
      <div className="as-coming-soon">
        <p className="as-coming-soon__body">{t('notFound.body')}</p>
        <div className="as-coming-soon__actions">
          <Link to="/" className="as-button as-button--primary">
            {t('page.home')}
          </Link>
        </div>
      </div>
    </div>
  )
}
