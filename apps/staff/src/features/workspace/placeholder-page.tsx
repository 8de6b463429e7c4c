import { ComingSoon, useDocumentTitle } from '@ansinh/ui'
import { useTranslation } from 'react-i18next'

/** Stand-in for a back-office screen that a later issue builds; `title` is already translated. */
export function PlaceholderPage({ title }: { title: string }) {
  const { t } = useTranslation()
  useDocumentTitle(`${t('app.name')} – ${t('app.area')}`, title)
  return (
    <div className="staff-page">
      <h1 className="staff-page__title">{title}</h1>
      <ComingSoon />
    </div>
  )
}
