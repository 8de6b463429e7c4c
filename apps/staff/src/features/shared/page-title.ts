import { useDocumentTitle } from '@ansinh/ui'
import { useTranslation } from 'react-i18next'

/** The browser tab of a back-office page: "<page> · BHXH số – Cán bộ". */
export function usePageTitle(title: string): void {
  const { t } = useTranslation()
  useDocumentTitle(`${t('app.name')} – ${t('app.area')}`, title)
}
