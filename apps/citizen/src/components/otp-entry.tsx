import { type RefObject, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckedForm, describedBy, FieldError } from '../features/registration/form-controls'

/**
 * The OTP box and its buttons, shared by the registration's confirmation and by sign-in / password
 * screens. The two features word the same things differently ("Mã OTP" vs "Mã OTP (6 chữ số)", and
 * the English "Send again"), so each names the block of texts it speaks with; the markup, the
 * `reg-otp` ids the journeys and error messages point at, and the behaviour are one.
 */
export type OtpTexts = 'registration.otp' | 'security.otp'

/** The current time, ticking every second (for the "send again" countdown). */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return now
}

/** The 6-digit box: the phone's keypad, and the SMS code offered by the keyboard (`one-time-code`). */
export function OtpField({
  texts,
  value,
  onChange,
  error,
  inputRef,
}: {
  texts: OtpTexts
  value: string
  onChange: (value: string) => void
  error: string | undefined
  inputRef?: RefObject<HTMLInputElement | null>
}) {
  const { t } = useTranslation()
  return (
    <div className="reg-field" data-invalid={error ? 'true' : undefined}>
      <label className="reg-field__label" htmlFor="reg-otp">
        {t(`${texts}.label`)}
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

/** "Đã gửi mã OTP mới." after a resend; the empty live region is kept so that the change is announced. */
export function OtpResentNote({ texts, resent }: { texts: OtpTexts; resent: boolean }) {
  const { t } = useTranslation()
  return (
    <p className="reg-otp__status" aria-live="polite">
      {resent ? t(`${texts}.resent`) : ''}
    </p>
  )
}

/** "Gửi lại mã", disabled with a countdown until `resendAfter`. */
export function ResendButton({
  texts,
  resendAfter,
  disabled,
  onResend,
}: {
  texts: OtpTexts
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
      {waitSeconds > 0 ? t(`${texts}.resendIn`, { seconds: waitSeconds }) : t(`${texts}.resend`)}
    </button>
  )
}

/**
 * What a resend came to: a new code is on its way (the caller has the new `resendAfter`), a message
 * to show under the box, or a failure the caller has shown elsewhere (an alert above the form).
 */
export type ResendOutcome = 'sent' | 'shownElsewhere' | { message: string }

type OtpEntryFormProps = {
  texts: OtpTexts
  resendAfter: string
  /** The browser's check of the code before it is sent: the message to show, or nothing. */
  check: (code: string) => string | undefined
  /** Sends the code; answers the message to show under the box, or nothing (accepted, or shown elsewhere). */
  onConfirm: (code: string) => Promise<string | null>
  onResend: () => Promise<ResendOutcome>
  onCancel?: () => void
}

/**
 * The OTP form: the box, "Xác nhận", "Gửi lại mã" with its countdown and, where the step can be left,
 * "Hủy". The box takes the focus on arrival and after every answer about the code, so a person on a
 * screen reader or a keyboard is never left on a button that no longer matters.
 */
export function OtpEntryForm({
  texts,
  resendAfter,
  check,
  onConfirm,
  onResend,
  onCancel,
}: OtpEntryFormProps) {
  const { t } = useTranslation()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [resent, setResent] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    input.current?.focus()
  }, [])

  async function confirm() {
    const problem = check(code)
    if (problem) {
      setError(problem)
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
    const outcome = await onResend()
    setBusy(false)
    if (outcome === 'shownElsewhere') return
    if (outcome === 'sent') {
      setCode('')
      setError(undefined)
      setResent(true)
    } else setError(outcome.message)
    input.current?.focus()
  }

  return (
    <CheckedForm className="reg-otp__form" onSubmit={() => void confirm()}>
      <OtpField
        texts={texts}
        value={code}
        inputRef={input}
        error={error}
        onChange={(value) => {
          setCode(value)
          setError(undefined)
        }}
      />
      <OtpResentNote texts={texts} resent={resent} />
      <div className="reg-otp__actions">
        <button type="submit" className="as-button as-button--primary" disabled={busy}>
          {busy ? t(`${texts}.confirming`) : t(`${texts}.confirm`)}
        </button>
        <ResendButton
          texts={texts}
          resendAfter={resendAfter}
          disabled={busy}
          onResend={() => void resend()}
        />
        {onCancel ? (
          <button type="button" className="as-button as-button--ghost" onClick={onCancel}>
            {t('security.cancel')}
          </button>
        ) : null}
      </div>
    </CheckedForm>
  )
}
