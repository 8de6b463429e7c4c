import { BrandMark, LanguageSwitch } from '@ansinh/ui'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export function AppHeader() {
  const { t } = useTranslation()
  return (
    <header className="app-header as-on-dark">
      <div className="app-header__inner">
        <Link to="/" className="app-header__brand" aria-label={t('app.homeLink')}>
          <BrandMark size={36} className="app-header__mark" />
          <span className="app-header__name">{t('app.name')}</span>
        </Link>
        <LanguageSwitch tone="onDark" />
      </div>
    </header>
  )
}
