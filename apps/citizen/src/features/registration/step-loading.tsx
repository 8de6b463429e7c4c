import { useTranslation } from 'react-i18next'

/** Shown while a step waits for what it needs from the device or the server. */
export function StepLoading() {
  const { t } = useTranslation()
  return (
    <p className="reg-loading" role="status">
      <span className="reg-loading__spinner" aria-hidden="true" />
      {t('registration.loading')}
    </p>
  )
}
