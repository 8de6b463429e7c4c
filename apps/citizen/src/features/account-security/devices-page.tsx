import type { CitizenDeviceView } from '@ansinh/domain'
import { useDocumentTitle } from '@ansinh/ui'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { BackButton } from '../coming-soon/back-button'
import { useFocusOnSignal } from '../registration/form-controls'
import '../registration/registration.css'
import { StepLoading } from '../registration/step-loading'
import { useFocusHeadingOnArrival } from '../registration/use-focus-on-arrival'
import { useFailureText } from '../registration/use-submission'
import { type ApiFailure, getDevices, signOutDevice } from '../session/api'
import { passwordPath, useCitizenSession, useSignedIn } from '../session/session'
import { useLanguage } from '../session/use-language'
import { PasskeysSection } from './passkeys-section'
import '../session/auth.css'

type Devices =
  | { status: 'loading' }
  | { status: 'ok'; items: CitizenDeviceView[] }
  | { status: 'error'; failure: ApiFailure }

const dateTime = (language: 'vi' | 'en') =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  })

/** "Thiết bị": where the account is signed in (one device at a time), sign out of one, or of this one. */
export function DevicesPage() {
  const { t } = useTranslation()
  useFocusHeadingOnArrival()
  useDocumentTitle(t('app.name'), t('security.devices.title'))
  const language = useLanguage()
  const failureText = useFailureText()
  const session = useSignedIn()
  const { handleFailure, signOut } = useCitizenSession()
  const [devices, setDevices] = useState<Devices>({ status: 'loading' })
  const [notice, setNotice] = useState<string | null>(null)
  const [noticeSignal, setNoticeSignal] = useState(0)
  const noticeBox = useRef<HTMLDivElement>(null)
  useFocusOnSignal(noticeBox, noticeSignal, notice !== null)

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const result = await getDevices(language, signal)
      if (result.ok) setDevices({ status: 'ok', items: result.value.items })
      else if (!handleFailure(result.error)) setDevices({ status: 'error', failure: result.error })
    },
    [language, handleFailure],
  )

  useEffect(() => {
    const controller = new AbortController()
    load(controller.signal).catch(() => undefined)
    return () => controller.abort()
  }, [load])

  async function endSession(device: CitizenDeviceView) {
    const result = await signOutDevice(device.id, session.csrfToken, language)
    if (!result.ok) {
      if (handleFailure(result.error)) return
      setNotice(failureText(result.error))
    } else {
      setNotice(t('security.devices.signedOut', { name: device.deviceName ?? t('security.devices.unknown') }))
    }
    setNoticeSignal((value) => value + 1)
    await load()
  }

  const format = dateTime(language)
  return (
    <div className="page reg auth-page">
      <div className="page-bar">
        <BackButton />
        <h1 className="page-bar__title">{t('security.devices.title')}</h1>
      </div>
      <p className="reg-card__intro">{t('security.devices.intro', { name: session.account.fullName })}</p>
      {notice ? (
        <div ref={noticeBox} tabIndex={-1} className="reg-alert auth-alert--info" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      {devices.status === 'loading' ? <StepLoading /> : null}
      {devices.status === 'error' ? (
        <div className="reg-alert reg-alert--error" role="alert">
          <p>{failureText(devices.failure)}</p>
        </div>
      ) : null}
      {devices.status === 'ok' ? (
        <ul className="auth-devices" aria-label={t('security.devices.listLabel')}>
          {devices.items.map((device) => (
            <li key={device.id} className="auth-device" data-current={device.current ? 'true' : undefined}>
              <h2 className="auth-device__name">
                {device.deviceName ?? t('security.devices.unknown')}
                {device.current ? ` — ${t('security.devices.current')}` : ''}
              </h2>
              <p className="auth-device__meta">
                {t('security.devices.signedInAt', { time: format.format(new Date(device.signedInAt)) })}
              </p>
              <p className="auth-device__meta">
                {t('security.devices.lastSeenAt', { time: format.format(new Date(device.lastSeenAt)) })}
                {device.ip ? ` · ${t('security.devices.ip', { ip: device.ip })}` : ''}
              </p>
              {device.current ? null : (
                <button
                  type="button"
                  className="as-button as-button--secondary"
                  aria-label={t('security.devices.signOutNamed', {
                    name: device.deviceName ?? t('security.devices.unknown'),
                  })}
                  onClick={() => void endSession(device)}
                >
                  {t('security.devices.signOut')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <PasskeysSection dateTime={format} />
      <div className="reg-otp__actions">
        <Link to={passwordPath} className="as-button as-button--secondary">
          {t('security.change.title')}
        </Link>
        <button type="button" className="as-button as-button--primary" onClick={() => void signOut()}>
          {t('account.signOut')}
        </button>
      </div>
    </div>
  )
}
