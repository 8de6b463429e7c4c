import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppConfig } from '../directory-lookup/app-config'
import type { ApiFailure } from '../session/api'
import { deviceId, deviceName } from '../session/device'
import { useLanguage } from '../session/use-language'
import { goToProvider, rememberReturnPath, startEidSignIn } from './api'
import './eid.css'

/**
 * Starts the e-ID sign-in: the server opens the flow (its state bound to this browser by a cookie)
 * and answers the provider's page, where the browser goes. `busy` stays on while the page leaves.
 */
export function useEidSignIn(onFailure: (failure: ApiFailure) => void) {
  const language = useLanguage()
  const [busy, setBusy] = useState(false)

  async function start(returnPath?: string) {
    setBusy(true)
    const result = await startEidSignIn({ deviceId: deviceId(), deviceName: deviceName(language) }, language)
    if (!result.ok) {
      setBusy(false)
      onFailure(result.error)
      return
    }
    rememberReturnPath(returnPath)
    goToProvider(result.value)
  }

  return { start, busy }
}

/**
 * "Đăng nhập bằng tài khoản định danh điện tử" under the password form, with what it is and what it
 * does for someone without an account. Shown only when the deployment has a provider.
 */
export function EidSignInSection({
  returnPath,
  disabled,
  onFailure,
}: {
  /** The page that sent the person to the sign-in, to come back to afterwards. */
  returnPath: string | undefined
  disabled: boolean
  onFailure: (failure: ApiFailure) => void
}) {
  const { t } = useTranslation()
  const config = useAppConfig()
  const { start, busy } = useEidSignIn(onFailure)
  if (!config?.eid.enabled) return null
  return (
    <section className="reg-card eid-card" aria-labelledby="eid-sign-in-title">
      <h2 id="eid-sign-in-title" className="reg-section-title">
        {t('eid.signIn.title')}
      </h2>
      <p className="reg-card__intro">{t('eid.signIn.explain')}</p>
      <button
        type="button"
        className="as-button as-button--secondary eid-card__button"
        disabled={disabled || busy}
        onClick={() => void start(returnPath)}
      >
        {busy ? t('eid.signIn.leaving') : t('eid.signIn.submit')}
      </button>
    </section>
  )
}
