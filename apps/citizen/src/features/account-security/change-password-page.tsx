import type { CitizenOtpSent } from '@ansinh/domain'
import { useDocumentTitle } from '@ansinh/ui'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { BackButton } from '../coming-soon/back-button'
import { CheckedForm, fieldId, useFocusOnSignal } from '../registration/form-controls'
import '../registration/registration.css'
import { useFocusHeadingOnArrival } from '../registration/use-focus-on-arrival'
import { useFailureText } from '../registration/use-submission'
import {
  type ApiFailure,
  changePassword,
  confirmPasswordChange,
  resendPasswordChangeOtp,
} from '../session/api'
import { OtpStep } from '../session/otp-step'
import { PasswordField } from '../session/password-field'
import { devicesPath, mustChangePassword, useCitizenSession, useSignedIn } from '../session/session'
import { useLanguage } from '../session/use-language'
import '../session/auth.css'
import { joined, type NewPasswordErrors, NewPasswordFields, useNewPassword } from './password-form'

type Errors = NewPasswordErrors & { currentPassword?: string | undefined }
type Step = { kind: 'form' } | { kind: 'otp'; request: CitizenOtpSent } | { kind: 'done' }

/**
 * "Đổi mật khẩu". Forced (the one-time password, or one older than 180 days): applied at once, and
 * nothing else opens before it. Voluntary: an OTP to the registered phone confirms it.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation()
  useFocusHeadingOnArrival()
  useDocumentTitle(t('app.name'), t('security.change.title'))
  const language = useLanguage()
  const failureText = useFailureText()
  const navigate = useNavigate()
  const session = useSignedIn()
  const { signedIn, handleFailure, signOut } = useCitizenSession()
  const forced = mustChangePassword(session)
  const identity = { bhxhCode: session.account.bhxhCode, personalId: null }

  const [currentPassword, setCurrentPassword] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const { newPassword, check, fields: newPasswordFields } = useNewPassword(identity, setErrors)
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [failureSignal, setFailureSignal] = useState(0)
  const [step, setStep] = useState<Step>({ kind: 'form' })
  const [busy, setBusy] = useState(false)
  const alertBox = useRef<HTMLDivElement>(null)
  const doneBox = useRef<HTMLDivElement>(null)
  const [doneSignal, setDoneSignal] = useState(0)
  useFocusOnSignal(alertBox, failureSignal, failure !== null)
  useFocusOnSignal(doneBox, doneSignal, step.kind === 'done')

  function showFailure(answer: ApiFailure) {
    if (handleFailure(answer)) return
    const fields: Errors = {
      currentPassword: joined(answer.fields.currentPassword),
      newPassword: joined(answer.fields.newPassword),
    }
    if (fields.currentPassword || fields.newPassword) {
      setErrors(fields)
      document.getElementById(fieldId(fields.currentPassword ? 'currentPassword' : 'newPassword'))?.focus()
      setFailure(null)
      return
    }
    setFailure(answer)
    setFailureSignal((value) => value + 1)
  }

  async function send(): Promise<CitizenOtpSent | 'applied' | null> {
    setBusy(true)
    const result = await changePassword({ currentPassword, newPassword }, session.csrfToken, language)
    setBusy(false)
    if (!result.ok) {
      showFailure(result.error)
      return null
    }
    if ('requestId' in result.value) return result.value
    signedIn(result.value)
    return 'applied'
  }

  async function submit() {
    setFailure(null)
    const next: Errors = {
      currentPassword: currentPassword === '' ? t('security.errors.currentRequired') : undefined,
      ...check(),
    }
    if (!next.newPassword && newPassword === currentPassword)
      next.newPassword = t('security.errors.sameAsCurrent')
    setErrors(next)
    const first = (['currentPassword', 'newPassword', 'repeat'] as const).find((key) => next[key])
    if (first) {
      document.getElementById(fieldId(first === 'repeat' ? 'repeatPassword' : first))?.focus()
      return
    }
    const answer = await send()
    if (answer === 'applied') {
      setStep({ kind: 'done' })
      setDoneSignal((value) => value + 1)
    } else if (answer) setStep({ kind: 'otp', request: answer })
  }

  return (
    <div className="page reg auth-page">
      <div className="page-bar">
        {forced ? null : <BackButton />}
        <h1 className="page-bar__title">{t('security.change.title')}</h1>
      </div>
      {forced && step.kind !== 'done' ? (
        <div className="reg-alert reg-alert--warning" role="status">
          <p>
            {session.account.mustChangePassword
              ? t('security.change.forcedFirst')
              : t('security.change.forcedExpired')}
          </p>
        </div>
      ) : null}
      {failure ? (
        <div ref={alertBox} className="reg-alert reg-alert--error" role="alert" tabIndex={-1}>
          <p>{failureText(failure)}</p>
        </div>
      ) : null}

      {step.kind === 'form' ? (
        <section className="reg-card" aria-labelledby="auth-change-title">
          <h2 id="auth-change-title" className="reg-section-title">
            {t('security.change.formTitle')}
          </h2>
          <p className="reg-card__intro">
            {forced ? t('security.change.introForced') : t('security.change.intro')}
          </p>
          <CheckedForm onSubmit={() => void submit()}>
            <PasswordField
              name="currentPassword"
              label={forced ? t('security.change.givenPassword') : t('security.currentPassword')}
              value={currentPassword}
              autoComplete="current-password"
              error={errors.currentPassword}
              onChange={(value) => {
                setCurrentPassword(value)
                setErrors((current) => ({ ...current, currentPassword: undefined }))
              }}
            />
            <NewPasswordFields {...newPasswordFields} errors={errors} />
            <div className="reg-nav">
              <button type="submit" className="as-button as-button--primary reg-nav__next" disabled={busy}>
                {busy ? t('security.saving') : t('security.change.submit')}
              </button>
            </div>
          </CheckedForm>
          {forced ? (
            <button type="button" className="as-button as-button--ghost" onClick={() => void signOut()}>
              {t('account.signOut')}
            </button>
          ) : null}
        </section>
      ) : null}

      {step.kind === 'otp' ? (
        <OtpStep
          title={t('security.change.otpTitle')}
          request={step.request}
          onCancel={() => setStep({ kind: 'form' })}
          onConfirm={async (otp) => {
            const result = await confirmPasswordChange(
              step.request.requestId,
              otp,
              session.csrfToken,
              language,
            )
            if (result.ok) {
              signedIn(result.value)
              setStep({ kind: 'done' })
              setDoneSignal((value) => value + 1)
              return null
            }
            if (handleFailure(result.error)) return null
            return result.error.fields.otp?.[0] ?? failureText(result.error)
          }}
          onResend={async () => {
            const result = await resendPasswordChangeOtp(step.request.requestId, session.csrfToken, language)
            if (!result.ok) return handleFailure(result.error) ? '' : failureText(result.error)
            setStep({ kind: 'otp', request: result.value })
            return { sentTo: result.value.sentTo, resendAfter: result.value.resendAfter }
          }}
        />
      ) : null}

      {step.kind === 'done' ? (
        <div ref={doneBox} tabIndex={-1} className="reg-card" role="status">
          <h2 className="reg-section-title">{t('security.change.doneTitle')}</h2>
          <p className="reg-card__intro">{t('security.change.done')}</p>
          <div className="reg-otp__actions">
            <button type="button" className="as-button as-button--primary" onClick={() => void navigate('/')}>
              {t('page.home')}
            </button>
            <Link to={devicesPath} className="as-button as-button--secondary">
              {t('security.devices.title')}
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  )
}
