import { useTranslation } from 'react-i18next'

export function AppFooter() {
  const { t } = useTranslation()
  return (
    <footer className="app-footer">
      <div className="app-footer__inner">
        <a className="app-footer__hotline" href="tel:19009068">
          <svg
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
            aria-hidden="true"
            focusable="false"
          >
            <path d="M5 4h3.5l1.8 4.5-2.3 1.4a11 11 0 0 0 6.1 6.1l1.4-2.3L20 15.5V19a1.5 1.5 0 0 1-1.6 1.5A16.5 16.5 0 0 1 3.5 5.6 1.5 1.5 0 0 1 5 4Z" />
          </svg>
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
