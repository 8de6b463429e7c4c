import { ErrorCode, OtpCode, type RegistrationConfirmed } from '@ansinh/domain'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ApiFailure, confirmRegistration, resendOtp } from './api'
import type { PendingRegistration } from './draft'
import { describedBy, FieldError, useFocusOnSignal } from './form-controls'
import { useRegistration } from './registration-context'
import { useLanguage } from './use-directory'
import { useFailureText } from './use-submission'

type OtpPanelProps = {
  pending: PendingRegistration
  onConfirmed: (confirmed: RegistrationConfirmed) => void
  /** Sends the same form and photos again, for a new request and a new code. */
  onResubmit: () => Promise<boolean>
  resubmitting: boolean
}

// These leave the request unusable: only a fresh submission brings a new code.
const requestIsVoid = (failure: ApiFailure) =>
  failure.code === ErrorCode.OtpAttemptsExceeded || failure.code === ErrorCode.NotFound

/** The code sent by SMS (or e-mail): where it went, until when, "Gửi lại mã" and "Xác nhận". */
export function OtpPanel({ pending, onConfirmed, onResubmit, resubmitting }: OtpPanelProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const failureText = useFailureText()
  const { setPending } = useRegistration()
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [fieldError, setFieldError] = useState<string>()
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [resent, setResent] = useState(false)
  const [focusSignal, setFocusSignal] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const alertBox = useRef<HTMLDivElement>(null)
  const now = useNow()
  const waitSeconds = Math.max(0, Math.ceil((Date.parse(pending.otp.resendAfter) - now) / 1000))
  const voided = failure !== null && requestIsVoid(failure)
  useFocusOnSignal(alertBox, focusSignal, voided)

  useEffect(() => {
    input.current?.focus()
  }, [])

  async function confirm() {
    const parsed = OtpCode.safeParse(code)
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message)
      input.current?.focus()
      return
    }
    setBusy(true)
    setFailure(null)
    setResent(false)
    const result = await confirmRegistration(pending.id, parsed.data, language)
    setBusy(false)
    if (result.ok) {
      onConfirmed(result.value)
      return
    }
    if (requestIsVoid(result.error)) {
      setFieldError(undefined)
      setFailure(result.error)
      setFocusSignal((value) => value + 1)
      return
    }
    // A wrong or expired code is about the code: say it under the box and keep the focus there.
    setFieldError(result.error.fields.otp?.[0] ?? failureText(result.error))
    input.current?.focus()
  }

  async function resend() {
    setBusy(true)
    setFailure(null)
    setResent(false)
    const result = await resendOtp(pending.id, language)
    setBusy(false)
    if (result.ok) {
      setPending({ ...pending, otp: result.value.otp })
      setFieldError(undefined)
      setCode('')
      setResent(true)
      input.current?.focus()
    } else {
      setFailure(result.error)
      setFocusSignal((value) => value + 1)
    }
  }

  const sentKey = pending.otp.channel === 'email' ? 'registration.otp.sentToEmail' : 'registration.otp.sentTo'
  return (
    <section className="reg-otp" aria-labelledby="reg-otp-title">
      <h2 id="reg-otp-title" className="reg-otp__title">
        {t('registration.otp.title')}
      </h2>
      {pending.replacesPending ? (
        <div className="reg-alert reg-alert--warning">
          <p>{t('registration.otp.replacesPending')}</p>
        </div>
      ) : null}
      <p className="reg-otp__sent">
        {t(sentKey, { to: pending.otp.sentTo, time: timeInVietnam(pending.otp.expiresAt) })}
      </p>
      {failure ? (
        <div ref={alertBox} className="reg-alert reg-alert--error" role="alert" tabIndex={-1}>
          <p>{failureText(failure)}</p>
          {voided ? (
            <button
              type="button"
              className="as-button as-button--primary"
              disabled={resubmitting}
              onClick={() => void onResubmit()}
            >
              {resubmitting ? t('registration.review.sending') : t('registration.otp.resubmit')}
            </button>
          ) : null}
        </div>
      ) : null}
      {voided ? null : (
        <form
          className="reg-otp__form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void confirm()
          }}
        >
          <div className="reg-field" data-invalid={fieldError ? 'true' : undefined}>
            <label className="reg-field__label" htmlFor="reg-otp">
              {t('registration.otp.label')}
            </label>
            <input
              ref={input}
              id="reg-otp"
              name="otp"
              className="reg-input reg-otp__input"
              value={code}
              autoComplete="one-time-code"
              inputMode="numeric"
              pattern="[0-9]*"
              maxLength={6}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={describedBy('otp', false, Boolean(fieldError))}
              onChange={(event) => {
                setCode(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))
                setFieldError(undefined)
              }}
            />
            <div aria-live="assertive">
              <FieldError name="otp" message={fieldError} />
            </div>
          </div>
          <p className="reg-otp__status" aria-live="polite">
            {resent ? t('registration.otp.resent') : ''}
          </p>
          <div className="reg-otp__actions">
            <button type="submit" className="as-button as-button--primary" disabled={busy}>
              {busy ? t('registration.otp.confirming') : t('registration.otp.confirm')}
            </button>
            <button
              type="button"
              className="as-button as-button--secondary"
              disabled={busy || waitSeconds > 0}
              onClick={() => void resend()}
            >
              {waitSeconds > 0
                ? t('registration.otp.resendIn', { seconds: waitSeconds })
                : t('registration.otp.resend')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}

/** The current time, ticking every second (for the "send again" countdown). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return now
}

const vietnamTime = new Intl.DateTimeFormat('vi-VN', {
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'Asia/Ho_Chi_Minh',
})

/** "14:05": OTP expiry times are said in Vietnam's time, wherever the phone is set. */
export function timeInVietnam(iso: string): string {
  return vietnamTime.format(new Date(iso))
}
