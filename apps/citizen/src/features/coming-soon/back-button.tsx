import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { ChevronLeftIcon } from '../../components/icons'

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
      <ChevronLeftIcon />
      {t('page.back')}
    </button>
  )
}
