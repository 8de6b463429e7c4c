import { ErrorCode, OtpCode, type RegistrationConfirmed } from '@ansinh/domain'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { OtpEntryForm, type ResendOutcome } from '../../components/otp-entry'
import { type ApiFailure, confirmRegistration, resendOtp } from './api'
import type { PendingRegistration } from './draft'
import { useFocusOnSignal } from './form-controls'
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
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [focusSignal, setFocusSignal] = useState(0)
  const alertBox = useRef<HTMLDivElement>(null)
  const voided = failure !== null && requestIsVoid(failure)
  useFocusOnSignal(alertBox, focusSignal, voided)

  async function confirm(code: string): Promise<string | null> {
    setFailure(null)
    const result = await confirmRegistration(pending.id, code, language)
    if (result.ok) {
      onConfirmed(result.value)
      return null
    }
    if (requestIsVoid(result.error)) {
      setFailure(result.error)
      setFocusSignal((value) => value + 1)
      return null
    }
    // A wrong or expired code is about the code: say it under the box and keep the focus there.
    return result.error.fields.otp?.[0] ?? failureText(result.error)
  }

  async function resend(): Promise<ResendOutcome> {
    setFailure(null)
    const result = await resendOtp(pending.id, language)
    if (result.ok) {
      setPending({ ...pending, otp: result.value.otp })
      return 'sent'
    }
    setFailure(result.error)
    setFocusSignal((value) => value + 1)
    return 'shownElsewhere'
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
        <OtpEntryForm
          texts="registration.otp"
          resendAfter={pending.otp.resendAfter}
          check={(code) => {
            const parsed = OtpCode.safeParse(code)
            return parsed.success ? undefined : parsed.error.issues[0]?.message
          }}
          onConfirm={confirm}
          onResend={resend}
        />
      )}
    </section>
  )
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
