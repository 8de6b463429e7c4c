import { useDocumentTitle } from '@ansinh/ui'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export function NotFoundPage() {
  const { t } = useTranslation()
  useDocumentTitle(`${t('app.name')} – ${t('app.area')}`, t('notFound.title'))
  return (
    <div className="staff-page">
      <h1 className="staff-page__title">{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </div>
  )
}
