import { useTranslation } from 'react-i18next'
import { PageMessage } from '../shared/page-message'
import { usePageTitle } from '../shared/page-title'

export function NotFoundPage() {
  const { t } = useTranslation()
  usePageTitle(t('notFound.title'))
  return (
    <PageMessage title={t('notFound.title')} back={{ to: '/', label: t('notFound.back') }}>
      <p>{t('notFound.body')}</p>
    </PageMessage>
  )
}
