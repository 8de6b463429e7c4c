import type { CitizenPasskeyRegisterBody, CitizenPasskeyView } from '@ansinh/domain'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFocusOnSignal } from '../registration/form-controls'
import { useFailureText } from '../registration/use-submission'
import { addPasskey, getPasskeys, passkeyRegistrationOptions, removePasskey } from '../session/api'
import { deviceName } from '../session/device'
import { createPasskey, passkeysSupported } from '../session/passkey'
import { useCitizenSession, useSignedIn } from '../session/session'
import { useLanguage } from '../session/use-language'

/**
 * "Đăng nhập bằng vân tay / Face ID" on the devices page: turn it on for this device (a passkey),
 * see the passkeys of the account and remove one. Hidden where the browser has no WebAuthn.
 */
export function PasskeysSection({ dateTime }: { dateTime: Intl.DateTimeFormat }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const failureText = useFailureText()
  const session = useSignedIn()
  const { handleFailure } = useCitizenSession()
  const [supported] = useState(passkeysSupported)
  const [items, setItems] = useState<CitizenPasskeyView[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null)
  const [noticeSignal, setNoticeSignal] = useState(0)
  const noticeBox = useRef<HTMLDivElement>(null)
  useFocusOnSignal(noticeBox, noticeSignal, notice !== null)

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const result = await getPasskeys(language, signal)
      if (result.ok) setItems(result.value.items)
      else handleFailure(result.error)
    },
    [language, handleFailure],
  )

  useEffect(() => {
    if (!supported) return
    const controller = new AbortController()
    load(controller.signal).catch(() => undefined)
    return () => controller.abort()
  }, [load, supported])

  if (!supported) return null

  const say = (text: string, error = false) => {
    setNotice({ text, error })
    setNoticeSignal((value) => value + 1)
  }

  async function turnOn() {
    setBusy(true)
    try {
      const options = await passkeyRegistrationOptions(session.csrfToken, language)
      if (!options.ok) {
        if (!handleFailure(options.error)) say(failureText(options.error), true)
        return
      }
      const made = await createPasskey(options.value.options)
      if (!made.ok) {
        say(
          made.cancelled ? t('security.passkeys.cancelled') : t('security.passkeys.failed'),
          !made.cancelled,
        )
        return
      }
      const added = await addPasskey(
        {
          challengeId: options.value.challengeId,
          // The library's JSON types are interfaces, which TypeScript will not widen to the schema's records.
          credential: made.credential as unknown as CitizenPasskeyRegisterBody['credential'],
          deviceName: deviceName(language),
        },
        session.csrfToken,
        language,
      )
      if (!added.ok) {
        if (!handleFailure(added.error)) say(failureText(added.error), true)
        return
      }
      say(t('security.passkeys.added'))
      await load()
    } finally {
      setBusy(false)
    }
  }

  async function remove(passkey: CitizenPasskeyView) {
    const result = await removePasskey(passkey.id, session.csrfToken, language)
    if (!result.ok) {
      if (!handleFailure(result.error)) say(failureText(result.error), true)
    } else say(t('security.passkeys.removed', { name: passkey.deviceName ?? t('security.devices.unknown') }))
    await load()
  }

  return (
    <section className="reg-card" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title" className="reg-section-title">
        {t('security.passkeys.title')}
      </h2>
      <p className="reg-card__intro">{t('security.passkeys.intro')}</p>
      {notice ? (
        <div
          ref={noticeBox}
          tabIndex={-1}
          className={`reg-alert ${notice.error ? 'reg-alert--error' : 'auth-alert--info'}`}
          role={notice.error ? 'alert' : 'status'}
        >
          <p>{notice.text}</p>
        </div>
      ) : null}
      {items && items.length > 0 ? (
        <ul className="auth-devices" aria-label={t('security.passkeys.listLabel')}>
          {items.map((passkey) => {
            const name = passkey.deviceName ?? t('security.devices.unknown')
            return (
              <li key={passkey.id} className="auth-device">
                <h3 className="auth-device__name">{name}</h3>
                <p className="auth-device__meta">
                  {t('security.passkeys.addedAt', { time: dateTime.format(new Date(passkey.createdAt)) })}
                  {passkey.lastUsedAt
                    ? ` · ${t('security.passkeys.lastUsedAt', { time: dateTime.format(new Date(passkey.lastUsedAt)) })}`
                    : ''}
                </p>
                <button
                  type="button"
                  className="as-button as-button--secondary"
                  aria-label={t('security.passkeys.removeNamed', { name })}
                  onClick={() => void remove(passkey)}
                >
                  {t('security.passkeys.remove')}
                </button>
              </li>
            )
          })}
        </ul>
      ) : null}
      <div className="reg-otp__actions">
        <button
          type="button"
          className="as-button as-button--primary"
          disabled={busy}
          onClick={() => void turnOn()}
        >
          {busy ? t('security.passkeys.adding') : t('security.passkeys.turnOn')}
        </button>
      </div>
    </section>
  )
}
