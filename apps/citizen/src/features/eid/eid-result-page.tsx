import { supportContacts } from '@ansinh/domain'
import { useDocumentTitle } from '@ansinh/ui'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useLocation, useNavigate } from 'react-router'
import { BackButton } from '../coming-soon/back-button'
import { directoryLookupPaths } from '../directory-lookup/paths'
import { useFocusOnSignal } from '../registration/form-controls'
import '../registration/registration.css'
import { StepLoading } from '../registration/step-loading'
import { useFocusHeadingOnArrival } from '../registration/use-focus-on-arrival'
import { useFailureText } from '../registration/use-submission'
import { type ApiFailure, confirmDeviceChange, resendDeviceChangeOtp } from '../session/api'
import { OtpStep } from '../session/otp-step'
import { signInPath, useCitizenSession } from '../session/session'
import { useLanguage } from '../session/use-language'
import '../session/auth.css'
import { forgetReturnPath, readReturnPath } from './api'
import { useEidSignIn } from './eid-sign-in'
import {
  type DeviceChangeRequest,
  type EidNextStep,
  type EidRefusal,
  readEidSignInResult,
  safeReturnPath,
} from './outcome'
import './eid.css'

const profilePath = '/profile'

/**
 * `/sign-in/eid`: where the server's callback sends the browser back from the provider. A session →
 * on to the page the person came from (or, for an account opened just now, what happened and what
 * to do next); level 1 on a new device → the device-change OTP; a refusal → why, and what to do.
 */
export function EidSignInResultPage() {
  const { t } = useTranslation()
  useFocusHeadingOnArrival()
  useDocumentTitle(t('app.name'), t('eid.result.title'))
  const location = useLocation()
  const [result] = useState(() => readEidSignInResult(location.search))
  const [returnPath] = useState(() => safeReturnPath(readReturnPath()))
  useEffect(() => forgetReturnPath(), [])

  return (
    <div className="page reg auth-page">
      <div className="page-bar">
        <BackButton />
        <h1 className="page-bar__title">{t('eid.result.title')}</h1>
      </div>
      {result.kind === 'session' ? <SessionArrival created={result.created} returnPath={returnPath} /> : null}
      {result.kind === 'otp' ? <DeviceChange request={result.request} returnPath={returnPath} /> : null}
      {result.kind === 'refused' ? (
        <Refusal outcome={result.outcome} next={result.next} returnPath={returnPath} />
      ) : null}
    </div>
  )
}

/**
 * The callback set the session cookie; the app's first `GET /auth/me` on this load reads it. No
 * session after all (the cookie refused, signed out meanwhile) reads as a flow to start again.
 */
function SessionArrival({ created, returnPath }: { created: boolean; returnPath: string }) {
  const { state } = useCitizenSession()
  if (state.status === 'loading') return <StepLoading />
  if (state.status === 'signedOut')
    return <Refusal outcome="state_invalid" next={['retry', 'password']} returnPath={returnPath} />
  if (!created) return <Navigate to={returnPath} replace />
  return <AccountCreated name={state.session.account.fullName} username={state.session.account.bhxhCode} />
}

function AccountCreated({ name, username }: { name: string; username: string }) {
  const { t } = useTranslation()
  return (
    <section className="reg-card" aria-labelledby="eid-created-title">
      <h2 id="eid-created-title" className="reg-section-title">
        {t('eid.created.title')}
      </h2>
      <div className="reg-alert eid-alert--success" role="status">
        <p>{t('eid.created.lead', { name })}</p>
      </div>
      <dl className="eid-facts">
        <div>
          <dt>{t('eid.created.username')}</dt>
          <dd className="eid-facts__code">{username}</dd>
        </div>
      </dl>
      <p className="reg-card__intro">{t('eid.created.usernameHint')}</p>
      <h3 className="eid-subtitle">{t('eid.created.nextTitle')}</h3>
      <ol className="eid-steps">
        <li>{t('eid.created.nextProfile')}</li>
        <li>{t('eid.created.nextSignIn')}</li>
        <li>{t('eid.created.nextPassword')}</li>
      </ol>
      <div className="eid-actions">
        <Link to={profilePath} className="as-button as-button--primary">
          {t('eid.created.toProfile')}
        </Link>
        <Link to="/" className="as-button as-button--secondary">
          {t('eid.created.toHome')}
        </Link>
      </div>
    </section>
  )
}

/** Level 1 while another device is signed in: the same OTP step as the password sign-in's. */
function DeviceChange({ request, returnPath }: { request: DeviceChangeRequest; returnPath: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const failureText = useFailureText()
  const navigate = useNavigate()
  const { signedIn } = useCitizenSession()
  return (
    <OtpStep
      title={t('eid.otp.title')}
      request={request}
      onCancel={() => void navigate(signInPath, { replace: true })}
      onConfirm={async (otp) => {
        const result = await confirmDeviceChange(request.requestId, otp, language)
        if (!result.ok) return result.error.fields.otp?.[0] ?? failureText(result.error)
        signedIn(result.value)
        void navigate(returnPath, { replace: true })
        return null
      }}
      onResend={async () => {
        const result = await resendDeviceChangeOtp(request.requestId, language)
        if (!result.ok) return failureText(result.error)
        return { sentTo: result.value.sentTo, resendAfter: result.value.resendAfter }
      }}
    >
      <p className="reg-card__intro">{t('eid.otp.explain')}</p>
    </OtpStep>
  )
}

/** Why there is no session, and the ways on, the first one the main action. */
function Refusal({
  outcome,
  next,
  returnPath,
}: {
  outcome: EidRefusal
  next: readonly EidNextStep[]
  returnPath: string
}) {
  const { t } = useTranslation()
  const failureText = useFailureText()
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [failureSignal, setFailureSignal] = useState(0)
  const alertBox = useRef<HTMLDivElement>(null)
  useFocusOnSignal(alertBox, failureSignal, failure !== null)
  const retry = useEidSignIn((answer) => {
    setFailure(answer)
    setFailureSignal((value) => value + 1)
  })

  return (
    <section className="reg-card" aria-labelledby="eid-refused-title">
      <h2 id="eid-refused-title" className="reg-section-title">
        {t(`eid.refused.${outcome}.title`)}
      </h2>
      <div className="reg-alert reg-alert--warning" role="alert">
        <p>{t(`eid.refused.${outcome}.text`)}</p>
      </div>
      <p className="reg-card__intro">{t(`eid.refused.${outcome}.todo`)}</p>
      {failure ? (
        <div ref={alertBox} className="reg-alert reg-alert--error" role="alert" tabIndex={-1}>
          <p>{failureText(failure)}</p>
        </div>
      ) : null}
      <div className="eid-actions">
        {next.map((step, index) => {
          const className = `as-button ${index === 0 ? 'as-button--primary' : 'as-button--secondary'}`
          return (
            <NextStep
              key={step}
              step={step}
              className={className}
              busy={retry.busy}
              onRetry={() => void retry.start(returnPath === '/' ? undefined : returnPath)}
            />
          )
        })}
      </div>
    </section>
  )
}

function NextStep({
  step,
  className,
  busy,
  onRetry,
}: {
  step: EidNextStep
  className: string
  busy: boolean
  onRetry: () => void
}) {
  const { t } = useTranslation()
  switch (step) {
    case 'retry':
      return (
        <button type="button" className={className} disabled={busy} onClick={onRetry}>
          {busy ? t('eid.signIn.leaving') : t('eid.next.retry')}
        </button>
      )
    case 'hotline':
      return (
        <a className={className} href={`tel:${supportContacts.hotlineTel}`}>
          {t('eid.next.hotline', { hotline: supportContacts.hotline })}
        </a>
      )
    default:
      return (
        <Link className={className} to={nextStepPaths[step]}>
          {t(`eid.next.${step}`)}
        </Link>
      )
  }
}

const nextStepPaths: Record<Exclude<EidNextStep, 'retry' | 'hotline'>, string> = {
  password: signInPath,
  register: '/register',
  offices: directoryLookupPaths.offices,
}
