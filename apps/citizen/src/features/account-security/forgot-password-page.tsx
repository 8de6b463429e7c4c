import { useDocumentTitle } from '@ansinh/ui'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { BackButton } from '../coming-soon/back-button'
import { CheckedForm, fieldId, useFocusOnSignal } from '../registration/form-controls'
import '../registration/registration.css'
import { OtpField, OtpResentNote, ResendButton } from '../../components/otp-entry'
import { useFocusHeadingOnArrival } from '../registration/use-focus-on-arrival'
import { useFailureText } from '../registration/use-submission'
import {
  type ApiFailure,
  confirmPasswordReset,
  resendPasswordResetOtp,
  startPasswordReset,
} from '../session/api'
import { resendAfterDefault } from '../session/otp-step'
import { type SignInState, signInPath } from '../session/session'
import { useLanguage } from '../session/use-language'
import { compactUsername, UsernameField, useUsernameCheck } from '../session/username-field'
import '../session/auth.css'
import { joined, type NewPasswordErrors, NewPasswordFields, useNewPassword } from './password-form'

type Step = { kind: 'username' } | { kind: 'reset'; requestId: string; message: string; resendAfter: string }
type Errors = NewPasswordErrors & { otp?: string | undefined }

const officesPath = '/lookup'

/**
 * "Quên mật khẩu": the username, then the OTP sent to the registered phone (or e-mail) with the new
 * password. The answer never says whether the account exists. The in-person path is always shown: a
 * lost phone number is the most common reason people cannot get back in.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation()
  useFocusHeadingOnArrival()
  useDocumentTitle(t('app.name'), t('security.forgot.title'))
  const language = useLanguage()
  const failureText = useFailureText()
  const navigate = useNavigate()
  const checkUsername = useUsernameCheck()

  const [username, setUsername] = useState('')
  const [usernameError, setUsernameError] = useState<string>()
  const [otp, setOtp] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [step, setStep] = useState<Step>({ kind: 'username' })
  const [busy, setBusy] = useState(false)
  const [resent, setResent] = useState(false)
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [failureSignal, setFailureSignal] = useState(0)
  const alertBox = useRef<HTMLDivElement>(null)
  const sentBox = useRef<HTMLDivElement>(null)
  useFocusOnSignal(alertBox, failureSignal, failure !== null)

  const compact = compactUsername(username)
  const identity = {
    bhxhCode: compact.length === 10 ? compact : '',
    personalId: compact.length === 12 ? compact : null,
  }
  const { newPassword, check, fields: newPasswordFields } = useNewPassword(identity, setErrors)

  useEffect(() => {
    if (step.kind === 'reset') sentBox.current?.focus()
  }, [step.kind])

  function fail(answer: ApiFailure) {
    setFailure(answer)
    setFailureSignal((value) => value + 1)
  }

  async function start() {
    setFailure(null)
    const problem = checkUsername(compact)
    if (problem) {
      setUsernameError(problem)
      document.getElementById(fieldId('username'))?.focus()
      return
    }
    setBusy(true)
    const result = await startPasswordReset(compact, language)
    setBusy(false)
    if (!result.ok) {
      if (result.error.fields.username?.[0]) {
        setUsernameError(result.error.fields.username[0])
        document.getElementById(fieldId('username'))?.focus()
      } else fail(result.error)
      return
    }
    setStep({
      kind: 'reset',
      requestId: result.value.requestId,
      message: result.value.message,
      resendAfter: resendAfterDefault(),
    })
  }

  async function resend(requestId: string) {
    if (step.kind !== 'reset') return
    setBusy(true)
    setResent(false)
    const result = await resendPasswordResetOtp(requestId, language)
    setBusy(false)
    if (!result.ok) {
      fail(result.error)
      return
    }
    setStep({ ...step, message: result.value.message, resendAfter: resendAfterDefault() })
    setResent(true)
    setOtp('')
    document.getElementById('reg-otp')?.focus()
  }

  async function confirm(requestId: string) {
    setFailure(null)
    const next: Errors = {
      otp: /^\d{6}$/.test(otp) ? undefined : t('security.otp.invalid'),
      ...check(),
    }
    setErrors(next)
    const first = (['otp', 'newPassword', 'repeat'] as const).find((key) => next[key])
    if (first) {
      document
        .getElementById(first === 'otp' ? 'reg-otp' : fieldId(first === 'repeat' ? 'repeatPassword' : first))
        ?.focus()
      return
    }
    setBusy(true)
    const result = await confirmPasswordReset(requestId, { otp, newPassword }, language)
    setBusy(false)
    if (result.ok) {
      void navigate(signInPath, { replace: true, state: { reason: 'passwordReset' } satisfies SignInState })
      return
    }
    const fields: Errors = {
      otp:
        result.error.fields.otp?.[0] ??
        (result.error.code.startsWith('OTP_') ? failureText(result.error) : undefined),
      newPassword: joined(result.error.fields.newPassword),
    }
    if (fields.otp || fields.newPassword) {
      setErrors(fields)
      document.getElementById(fields.otp ? 'reg-otp' : fieldId('newPassword'))?.focus()
      return
    }
    fail(result.error)
  }

  return (
    <div className="page reg auth-page">
      <div className="page-bar">
        <BackButton />
        <h1 className="page-bar__title">{t('security.forgot.title')}</h1>
      </div>
      {failure ? (
        <div ref={alertBox} className="reg-alert reg-alert--error" role="alert" tabIndex={-1}>
          <p>{failureText(failure)}</p>
        </div>
      ) : null}

      {step.kind === 'username' ? (
        <section className="reg-card" aria-labelledby="auth-forgot-title">
          <h2 id="auth-forgot-title" className="reg-section-title">
            {t('security.forgot.usernameTitle')}
          </h2>
          <p className="reg-card__intro">{t('security.forgot.intro')}</p>
          <CheckedForm onSubmit={() => void start()}>
            <UsernameField
              value={username}
              error={usernameError}
              onChange={(value) => {
                setUsername(value)
                setUsernameError(undefined)
              }}
            />
            <div className="reg-nav">
              <button type="submit" className="as-button as-button--primary reg-nav__next" disabled={busy}>
                {busy ? t('security.sending') : t('security.forgot.send')}
              </button>
            </div>
          </CheckedForm>
        </section>
      ) : (
        <section className="reg-card" aria-labelledby="auth-reset-title">
          <h2 id="auth-reset-title" className="reg-section-title">
            {t('security.forgot.resetTitle')}
          </h2>
          <div ref={sentBox} tabIndex={-1} className="reg-alert auth-alert--info" role="status">
            <p>{step.message}</p>
          </div>
          <CheckedForm onSubmit={() => void confirm(step.requestId)}>
            <OtpField
              texts="security.otp"
              value={otp}
              error={errors.otp}
              onChange={(value) => {
                setOtp(value)
                setErrors((current) => ({ ...current, otp: undefined }))
              }}
            />
            <OtpResentNote texts="security.otp" resent={resent} />
            <NewPasswordFields {...newPasswordFields} errors={errors} />
            <div className="reg-otp__actions">
              <button type="submit" className="as-button as-button--primary" disabled={busy}>
                {busy ? t('security.saving') : t('security.forgot.submit')}
              </button>
              <ResendButton
                texts="security.otp"
                resendAfter={step.resendAfter}
                disabled={busy}
                onResend={() => void resend(step.requestId)}
              />
            </div>
          </CheckedForm>
        </section>
      )}

      <section className="reg-card" aria-labelledby="auth-in-person-title">
        <h2 id="auth-in-person-title" className="reg-section-title">
          {t('security.forgot.inPersonTitle')}
        </h2>
        <p className="reg-card__intro">{t('security.forgot.inPerson')}</p>
        <p className="auth-links">
          <Link to={officesPath}>{t('signIn.findOffice')}</Link>
        </p>
      </section>
    </div>
  )
}
