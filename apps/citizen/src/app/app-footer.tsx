import { useTranslation } from 'react-i18next'
import { PhoneIcon } from '../components/icons'

export function AppFooter() {
  const { t } = useTranslation()
  return (
    <footer className="app-footer">
      <div className="app-footer__inner">
        <a className="app-footer__hotline" href="tel:19009068">
          <PhoneIcon />
          <span>
            <span className="app-footer__hotline-label">{t('footer.hotlineLabel')}</span>
            <span className="app-footer__hotline-number">{t('footer.hotline')}</span>
          </span>
        </a>
        <p className="app-footer__about">{t('footer.about')}</p>
      </div>
    </footer>
  )
}
