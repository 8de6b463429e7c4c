import type {
  CitizenLoginBody,
  CitizenOtpSent,
  CitizenPasskeySignInBody,
  CitizenSignedIn,
} from '@ansinh/domain'
import { useDocumentTitle } from '@ansinh/ui'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useLocation, useNavigate } from 'react-router'
import { BackButton } from '../coming-soon/back-button'
import { EidSignInSection } from '../eid/eid-sign-in'
import { CheckedForm, fieldId, useFocusOnSignal } from '../registration/form-controls'
import '../registration/registration.css'
import { useFocusHeadingOnArrival } from '../registration/use-focus-on-arrival'
import { useFailureText } from '../registration/use-submission'
import {
  type ApiFailure,
  AuthErrorCode,
  confirmDeviceChange,
  login,
  passkeySignIn,
  passkeySignInOptions,
  resendDeviceChangeOtp,
  startDeviceChange,
} from '../session/api'
import { deviceId, deviceName } from '../session/device'
import { OtpStep } from '../session/otp-step'
import { passkeysSupported, signWithPasskey } from '../session/passkey'
import { PasswordField } from '../session/password-field'
import {
  forgotPasswordPath,
  mustChangePassword,
  passwordPath,
  type SignInReason,
  type SignInState,
  useCitizenSession,
} from '../session/session'
import { useLanguage } from '../session/use-language'
import { compactUsername, isUsername, UsernameField, useUsernameCheck } from '../session/username-field'
import '../session/auth.css'

type Step = { kind: 'form' } | { kind: 'warning'; message: string } | { kind: 'otp'; request: CitizenOtpSent }

type Errors = { username?: string | undefined; password?: string | undefined }

const officesPath = '/lookup'

/**
 * "Đăng nhập": BHXH code or personal ID and password; a new device takes over after an OTP. Or the
 * national e-ID, whose provider sends the browser back to `/sign-in/eid`.
 */
export function SignInPage() {
  const { t } = useTranslation()
  useFocusHeadingOnArrival()
  useDocumentTitle(t('app.name'), t('signIn.title'))
  const language = useLanguage()
  const failureText = useFailureText()
  const navigate = useNavigate()
  const checkUsername = useUsernameCheck()
  const location = useLocation()
  const { state, signedIn } = useCitizenSession()
  const navigation = (location.state ?? {}) as SignInState
  const reason: SignInReason | undefined =
    navigation.reason ?? (state.status === 'signedOut' ? state.reason : undefined)

  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [failureSignal, setFailureSignal] = useState(0)
  const [step, setStep] = useState<Step>({ kind: 'form' })
  const [busy, setBusy] = useState(false)
  const [justSignedIn, setJustSignedIn] = useState(false)
  const [withPasskey] = useState(passkeysSupported)
  const alertBox = useRef<HTMLDivElement>(null)
  const warningHeading = useRef<HTMLHeadingElement>(null)
  useFocusOnSignal(alertBox, failureSignal, failure !== null)

  useEffect(() => {
    if (step.kind === 'warning') warningHeading.current?.focus()
  }, [step.kind])

  if (state.status === 'signedIn' && !justSignedIn) return <Navigate to="/" replace />

  const body = (): CitizenLoginBody => ({
    username: compactUsername(username),
    password,
    deviceId: deviceId(),
    deviceName: deviceName(language),
  })

  function fail(answer: ApiFailure) {
    setFailure(answer)
    setFailureSignal((value) => value + 1)
  }

  function finish(session: CitizenSignedIn) {
    setJustSignedIn(true)
    signedIn(session)
    const target = mustChangePassword(session) ? passwordPath : (navigation.from ?? '/')
    void navigate(target, { replace: true })
  }

  function validate(): boolean {
    const next: Errors = {
      username: checkUsername(compactUsername(username)),
      password: password === '' ? t('signIn.errors.passwordRequired') : undefined,
    }
    setErrors(next)
    if (next.username) focusField('username')
    else if (next.password) focusField('password')
    return !next.username && !next.password
  }

  async function submit() {
    setFailure(null)
    if (!validate()) return
    setBusy(true)
    const result = await login(body(), language)
    setBusy(false)
    if (result.ok) {
      finish(result.value)
      return
    }
    const answer = result.error
    if (answer.code === AuthErrorCode.DeviceChangeOtpRequired) {
      setStep({ kind: 'warning', message: answer.message || t('signIn.deviceChange.warning') })
      return
    }
    const fields = answer.fields
    if (fields.username?.[0] || fields.password?.[0]) {
      setErrors({ username: fields.username?.[0], password: fields.password?.[0] })
    }
    fail(answer)
  }

  /**
   * The fingerprint / Face ID sign-in: the username is sent when typed (the passkey must then be that
   * account's) but not needed. Another device signed in: the same warning as the password sign-in,
   * and continuing needs the password for the OTP step.
   */
  async function submitWithPasskey() {
    setFailure(null)
    setBusy(true)
    try {
      const options = await passkeySignInOptions(language)
      if (!options.ok) return fail(options.error)
      const signed = await signWithPasskey(options.value.options)
      if (!signed.ok) {
        if (!signed.cancelled)
          fail({ code: 'PASSKEY', message: t('signIn.passkey.failed'), fields: {}, status: 0 })
        return
      }
      const compact = compactUsername(username)
      const result = await passkeySignIn(
        {
          challengeId: options.value.challengeId,
          // The library's JSON types are interfaces, which TypeScript will not widen to the schema's records.
          credential: signed.credential as unknown as CitizenPasskeySignInBody['credential'],
          ...(isUsername(compact) ? { username: compact } : {}),
          deviceId: deviceId(),
          deviceName: deviceName(language),
        },
        language,
      )
      if (result.ok) return finish(result.value)
      if (result.error.code === AuthErrorCode.DeviceChangeOtpRequired) {
        setStep({ kind: 'form' })
        return fail({ ...result.error, message: t('signIn.passkey.otherDevice') })
      }
      fail(result.error)
    } finally {
      setBusy(false)
    }
  }

  async function continueOnThisDevice(): Promise<CitizenOtpSent | string> {
    setBusy(true)
    const result = await startDeviceChange(body(), language)
    setBusy(false)
    if (result.ok) return result.value
    return failureText(result.error)
  }

  const signInFailureText = (answer: ApiFailure) =>
    answer.code === AuthErrorCode.RateLimited && !answer.message
      ? t('signIn.errors.locked')
      : failureText(answer)

  return (
    <div className="page reg auth-page">
      <div className="page-bar">
        <BackButton />
        <h1 className="page-bar__title">{t('signIn.title')}</h1>
      </div>
      {reason ? <ReasonNotice reason={reason} /> : null}
      {failure ? (
        <div ref={alertBox} className="reg-alert reg-alert--error" role="alert" tabIndex={-1}>
          <p>{signInFailureText(failure)}</p>
          {failure.status === 403 ? (
            <p>
              <Link to={officesPath}>{t('signIn.findOffice')}</Link>
            </p>
          ) : null}
        </div>
      ) : null}

      {step.kind === 'form' ? (
        <section className="reg-card" aria-labelledby="auth-form-title">
          <h2 id="auth-form-title" className="reg-section-title">
            {t('signIn.formTitle')}
          </h2>
          <CheckedForm onSubmit={() => void submit()}>
            <UsernameField
              value={username}
              error={errors.username}
              onChange={(value) => {
                setUsername(value)
                setErrors((current) => ({ ...current, username: undefined }))
              }}
            />
            <PasswordField
              name="password"
              label={t('signIn.password')}
              value={password}
              autoComplete="current-password"
              error={errors.password}
              onChange={(value) => {
                setPassword(value)
                setErrors((current) => ({ ...current, password: undefined }))
              }}
            />
            <p className="auth-links">
              <Link to={forgotPasswordPath}>{t('signIn.forgot')}</Link>
            </p>
            <div className="reg-nav">
              <button type="submit" className="as-button as-button--primary reg-nav__next" disabled={busy}>
                {busy ? t('signIn.submitting') : t('signIn.submit')}
              </button>
            </div>
          </CheckedForm>
          {withPasskey ? (
            <div className="reg-otp__actions">
              <button
                type="button"
                className="as-button as-button--secondary"
                disabled={busy}
                onClick={() => void submitWithPasskey()}
              >
                {t('signIn.passkey.submit')}
              </button>
            </div>
          ) : null}
          <p className="auth-links">
            {t('signIn.noAccount')} <Link to="/register">{t('signIn.register')}</Link>
          </p>
        </section>
      ) : null}

      {step.kind === 'form' ? (
        <EidSignInSection returnPath={navigation.from} disabled={busy} onFailure={fail} />
      ) : null}

      {step.kind === 'warning' ? (
        <section className="reg-card" aria-labelledby="auth-warning-title">
          <h2 id="auth-warning-title" ref={warningHeading} tabIndex={-1} className="reg-section-title">
            {t('signIn.deviceChange.title')}
          </h2>
          <div className="reg-alert reg-alert--warning">
            <p>{step.message}</p>
          </div>
          <p className="reg-card__intro">{t('signIn.deviceChange.explain')}</p>
          <div className="reg-otp__actions">
            <button
              type="button"
              className="as-button as-button--primary"
              disabled={busy}
              onClick={() =>
                void continueOnThisDevice().then((answer) => {
                  if (typeof answer === 'string') {
                    setStep({ kind: 'form' })
                    fail({ code: 'DEVICE_CHANGE', message: answer, fields: {}, status: 0 })
                  } else setStep({ kind: 'otp', request: answer })
                })
              }
            >
              {busy ? t('signIn.submitting') : t('signIn.deviceChange.continue')}
            </button>
            <button
              type="button"
              className="as-button as-button--secondary"
              onClick={() => setStep({ kind: 'form' })}
            >
              {t('security.cancel')}
            </button>
          </div>
        </section>
      ) : null}

      {step.kind === 'otp' ? (
        <OtpStep
          title={t('signIn.deviceChange.otpTitle')}
          request={step.request}
          onCancel={() => setStep({ kind: 'form' })}
          onConfirm={async (otp) => {
            const result = await confirmDeviceChange(step.request.requestId, otp, language)
            if (result.ok) {
              finish(result.value)
              return null
            }
            return result.error.fields.otp?.[0] ?? failureText(result.error)
          }}
          onResend={async () => {
            const result = await resendDeviceChangeOtp(step.request.requestId, language)
            if (!result.ok) return failureText(result.error)
            setStep({ kind: 'otp', request: result.value })
            return { sentTo: result.value.sentTo, resendAfter: result.value.resendAfter }
          }}
        />
      ) : null}
    </div>
  )
}

function ReasonNotice({ reason }: { reason: SignInReason }) {
  const { t } = useTranslation()
  const tone = reason === 'elsewhere' || reason === 'expired' ? 'reg-alert--warning' : 'auth-alert--info'
  return (
    <div className={`reg-alert ${tone}`} role="status">
      <p>{t(`signIn.reasons.${reason}`)}</p>
    </div>
  )
}

function focusField(name: string) {
  document.getElementById(fieldId(name))?.focus()
}
