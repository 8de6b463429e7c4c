import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { OtpEntryForm } from '../../components/otp-entry'

/** Sixty seconds from now: the wait before "Gửi lại mã" when the server did not say. */
export function resendAfterDefault(): string {
  return new Date(Date.now() + 60_000).toISOString()
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
      <OtpEntryForm
        texts="security.otp"
        resendAfter={current.resendAfter}
        check={(code) => (/^\d{6}$/.test(code) ? undefined : t('security.otp.invalid'))}
        onConfirm={onConfirm}
        onResend={async () => {
          const answer = await onResend()
          if (typeof answer === 'string') return { message: answer }
          setCurrent(answer)
          return 'sent'
        }}
        onCancel={onCancel}
      />
    </section>
  )
}
