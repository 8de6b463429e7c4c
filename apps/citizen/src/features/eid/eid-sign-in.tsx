import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppConfig } from '../directory-lookup/app-config'
import { useFailureText } from '../registration/use-submission'
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
  const { start, busy } = useEidSignIn(onFailure)
  return (
    <EidCard
      id="eid-sign-in-title"
      className="reg-card eid-card"
      title={t('eid.signIn.title')}
      explain={t('eid.signIn.explain')}
    >
      <EidButton busy={busy} disabled={disabled} onClick={() => void start(returnPath)} />
    </EidCard>
  )
}

/**
 * "Có tài khoản định danh điện tử mức 2?" at the top of the registration form: since 2025 a level 2
 * e-ID opens the account at once (no photos, no paper form, no office), which most people registering
 * today would rather do; the form below stays for everyone else.
 */
export function EidRegistrationShortcut() {
  const { t } = useTranslation()
  const failureText = useFailureText()
  const [failure, setFailure] = useState<string | null>(null)
  const { start, busy } = useEidSignIn((answer) => setFailure(failureText(answer)))
  return (
    <EidCard
      id="eid-shortcut-title"
      className="eid-shortcut"
      title={t('eid.shortcut.title')}
      explain={t('eid.shortcut.explain')}
    >
      {failure ? (
        <p className="reg-alert reg-alert--error" role="alert">
          {failure}
        </p>
      ) : null}
      <EidButton
        busy={busy}
        disabled={false}
        onClick={() => {
          setFailure(null)
          void start()
        }}
      />
    </EidCard>
  )
}

/** The card of either entry, present only when the deployment has a provider. */
function EidCard({
  id,
  className,
  title,
  explain,
  children,
}: {
  id: string
  className: string
  title: string
  explain: string
  children: ReactNode
}) {
  const config = useAppConfig()
  if (!config?.eid.enabled) return null
  return (
    <section className={className} aria-labelledby={id}>
      <h2 id={id} className="reg-section-title">
        {title}
      </h2>
      <p className="reg-card__intro">{explain}</p>
      {children}
    </section>
  )
}

function EidButton({ busy, disabled, onClick }: { busy: boolean; disabled: boolean; onClick: () => void }) {
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className="as-button as-button--secondary eid-card__button"
      disabled={disabled || busy}
      onClick={onClick}
    >
      {busy ? t('eid.signIn.leaving') : t('eid.signIn.submit')}
    </button>
  )
}
