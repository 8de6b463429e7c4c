import { BrandMark } from '@ansinh/ui'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

/** Mark, app name and the "staff" badge; links to the entry page of the back-office. */
export function StaffBrand() {
  const { t } = useTranslation()
  return (
    <Link to="/" className="staff-brand" aria-label={t('app.homeLink')}>
      <BrandMark size={32} className="staff-brand__mark" />
      <span className="staff-brand__name">{t('app.name')}</span>
      <span className="staff-brand__area">{t('app.area')}</span>
    </Link>
  )
}
