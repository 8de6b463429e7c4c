import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { describedBy, FieldError } from '../registration/form-controls'

/** Sixty seconds from now: the wait before "Gửi lại mã" when the server did not say. */
export function resendAfterDefault(): string {
  return new Date(Date.now() + 60_000).toISOString()
}

/** The 6-digit box: the phone's keypad, and the SMS code offered by the keyboard (`one-time-code`). */
export function OtpField({
  value,
  onChange,
  error,
  inputRef,
}: {
  value: string
  onChange: (value: string) => void
  error: string | undefined
  inputRef?: RefObject<HTMLInputElement | null>
}) {
  const { t } = useTranslation()
  return (
    <div className="reg-field" data-invalid={error ? 'true' : undefined}>
      <label className="reg-field__label" htmlFor="reg-otp">
        {t('security.otp.label')}
      </label>
      <input
        ref={inputRef}
        id="reg-otp"
        name="otp"
        className="reg-input reg-otp__input"
        value={value}
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={6}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy('otp', false, Boolean(error))}
        onChange={(event) => onChange(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
      />
      <div aria-live="assertive">
        <FieldError name="otp" message={error} />
      </div>
    </div>
  )
}

/** "Gửi lại mã", disabled with a countdown until `resendAfter`. */
export function ResendButton({
  resendAfter,
  disabled,
  onResend,
}: {
  resendAfter: string
  disabled: boolean
  onResend: () => void
}) {
  const { t } = useTranslation()
  const now = useNow()
  const waitSeconds = Math.max(0, Math.ceil((Date.parse(resendAfter) - now) / 1000))
  return (
    <button
      type="button"
      className="as-button as-button--secondary"
      disabled={disabled || waitSeconds > 0}
      onClick={onResend}
    >
      {waitSeconds > 0 ? t('security.otp.resendIn', { seconds: waitSeconds }) : t('security.otp.resend')}
    </button>
  )
}

export type OtpRequest = { sentTo: string | null; resendAfter: string }

type OtpStepProps = {
  title: string
  request: OtpRequest
  /** Sends the code; answers the message to show under the box, or nothing when it was accepted. */
  onConfirm: (otp: string) => Promise<string | null>
  /** Asks for a new code; answers the new request, or the message to show. */
  onResend: () => Promise<OtpRequest | string>
  onCancel?: () => void
  children?: ReactNode
}

/** The OTP step of sign-in on a new device and of a password change. */
export function OtpStep({ title, request, onConfirm, onResend, onCancel, children }: OtpStepProps) {
  const { t } = useTranslation()
  const [current, setCurrent] = useState(request)
  const [code, setCode] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [resent, setResent] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    input.current?.focus()
  }, [])

  async function confirm() {
    if (!/^\d{6}$/.test(code)) {
      setError(t('security.otp.invalid'))
      input.current?.focus()
      return
    }
    setBusy(true)
    setResent(false)
    const message = await onConfirm(code)
    setBusy(false)
    if (message) {
      setError(message)
      input.current?.focus()
    }
  }

  async function resend() {
    setBusy(true)
    setResent(false)
    const answer = await onResend()
    setBusy(false)
    if (typeof answer === 'string') {
      setError(answer)
    } else {
      setCurrent(answer)
      setCode('')
      setError(undefined)
      setResent(true)
    }
    input.current?.focus()
  }

  return (
    <section className="reg-otp" aria-labelledby="auth-otp-title">
      <h2 id="auth-otp-title" className="reg-otp__title">
        {title}
      </h2>
      <p className="reg-otp__sent">
        {current.sentTo
          ? t('security.otp.sentTo', { to: current.sentTo })
          : t('security.otp.sentToRegistered')}
      </p>
      {children}
      <form
        className="reg-otp__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void confirm()
        }}
      >
        <OtpField
          value={code}
          inputRef={input}
          error={error}
          onChange={(value) => {
            setCode(value)
            setError(undefined)
          }}
        />
        <p className="reg-otp__status" aria-live="polite">
          {resent ? t('security.otp.resent') : ''}
        </p>
        <div className="reg-otp__actions">
          <button type="submit" className="as-button as-button--primary" disabled={busy}>
            {busy ? t('security.otp.confirming') : t('security.otp.confirm')}
          </button>
          <ResendButton resendAfter={current.resendAfter} disabled={busy} onResend={() => void resend()} />
          {onCancel ? (
            <button type="button" className="as-button as-button--ghost" onClick={onCancel}>
              {t('security.cancel')}
            </button>
          ) : null}
        </div>
      </form>
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
