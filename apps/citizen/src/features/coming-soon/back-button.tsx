import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'

/** Goes back within the app; on a page opened directly (no history of ours) it goes home instead. */
export function BackButton() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const location = useLocation()
  return (
    <button
      type="button"
      className="as-button as-button--ghost page-bar__back"
      onClick={() => {
        if (location.key === 'default') void navigate('/')
        else void navigate(-1)
      }}
    >
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        <path d="M15 5l-7 7 7 7" />
      </svg>
      {t('page.back')}
    </button>
  )
}
