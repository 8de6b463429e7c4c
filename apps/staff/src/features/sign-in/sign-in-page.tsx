import type { StaffRole, StaffSignedInView } from '@ansinh/domain'
import { type ApiResult, LanguageSwitch, SkipLink } from '@ansinh/ui'
import { type ComponentProps, type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation, useNavigate } from 'react-router'
import { StaffBrand } from '../../app/staff-brand'
import { enrol, login, submitSecondFactor } from '../session/api'
import { failureMessage } from '../session/failure-message'
import { homePathOf, mayOpen } from '../session/roles'
import { useLanguage, useSession } from '../session/session'
import { usePageTitle } from '../shared/page-title'
import { CodeField } from './code-field'
import { QrCode } from './qr-code'
import { RecoveryCodes } from './recovery-codes'

type Step =
  | { kind: 'password' }
  | { kind: 'totp'; csrfToken: string; recovery: boolean }
  | { kind: 'enrol'; csrfToken: string; secret: string; otpauthUri: string }
  | { kind: 'recoveryCodes'; staff: StaffSignedInView; codes: string[] }

/** The secret in groups of four, easier to type into an authenticator by hand. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ')
}

/**
 * A box the card cannot be sent without. It has no error of its own: what went wrong is the card's
 * one message, under the fields.
 */
function RequiredField({ id, label, ...input }: ComponentProps<'input'> & { id: string; label: string }) {
  return (
    <div className="staff-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} required />
    </div>
  )
}

/** Staff sign-in: username and password, then the authenticator code (or enrolment on first use). */
export function SignInPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const navigate = useNavigate()
  const location = useLocation()
  const { state, signedIn } = useSession()
  const [step, setStep] = useState<Step>({ kind: 'password' })
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const ids = {
    username: useId(),
    password: useId(),
    recovery: useId(),
    error: useId(),
  }
  usePageTitle(t('signIn.title'))

  const from = (location.state as { from?: string } | null)?.from
  // Back to the page the person was sent away from, if their role may open it; else where their work starts.
  const targetOf = (role: StaffRole) =>
    from && from !== '/' && mayOpen(role, from) ? from : homePathOf(role)

  // Each step moves focus to its heading so that a screen reader announces it.
  useEffect(() => {
    if (step.kind !== 'password') headingRef.current?.focus()
  }, [step.kind])

  if (state.status === 'signedIn' && step.kind !== 'recoveryCodes')
    return <Navigate to={targetOf(state.staff.role)} replace />

  async function run<T>(call: () => Promise<ApiResult<T>>, then: (value: T) => void) {
    setBusy(true)
    setError(null)
    const result = await call()
    setBusy(false)
    if (result.ok) then(result.value)
    // No session to lose here: a 401 is a refused password or code, told as the server words it.
    else setError(failureMessage(result.error, t))
  }

  function text(event: FormEvent<HTMLFormElement>, name: string): string {
    const value = new FormData(event.currentTarget).get(name)
    return typeof value === 'string' ? value : ''
  }

  function finish(staff: StaffSignedInView) {
    signedIn(staff)
    void navigate(targetOf(staff.role), { replace: true })
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    if (step.kind === 'password') {
      const username = text(event, 'username').trim()
      const password = text(event, 'password')
      if (!username || !password) {
        setError(t('signIn.missing'))
        return
      }
      void run(
        () => login(username, password, language),
        (answer) =>
          setStep(
            answer.next === 'totp'
              ? { kind: 'totp', csrfToken: answer.csrfToken, recovery: false }
              : {
                  kind: 'enrol',
                  csrfToken: answer.csrfToken,
                  secret: answer.secret,
                  otpauthUri: answer.otpauthUri,
                },
          ),
      )
    } else if (step.kind === 'totp') {
      const answer = step.recovery
        ? { recoveryCode: text(event, 'recoveryCode').trim() }
        : { code: text(event, 'code').replace(/\s/g, '') }
      void run(() => submitSecondFactor(answer, step.csrfToken, language), finish)
    } else if (step.kind === 'enrol') {
      const code = text(event, 'code').replace(/\s/g, '')
      void run(
        () => enrol(code, step.csrfToken, language),
        (enrolled) => setStep({ kind: 'recoveryCodes', staff: enrolled, codes: enrolled.recoveryCodes }),
      )
    } else if (saved) {
      finish(step.staff)
    }
  }

  const codeField = <CodeField describedBy={error ? ids.error : undefined} />

  return (
    <div className="staff-sign-in">
      <SkipLink />
      <header className="staff-sign-in__bar">
        <StaffBrand />
        <LanguageSwitch tone="onLight" />
      </header>
      <main id="main" className="staff-sign-in__main">
        <form
          className="staff-sign-in__card"
          aria-labelledby="staff-sign-in-title"
          onSubmit={onSubmit}
          noValidate
        >
          <h1 id="staff-sign-in-title" className="staff-sign-in__title" ref={headingRef} tabIndex={-1}>
            {step.kind === 'password'
              ? t('signIn.title')
              : step.kind === 'totp'
                ? t('signIn.totpTitle')
                : step.kind === 'enrol'
                  ? t('signIn.enrolTitle')
                  : t('signIn.recoveryTitle')}
          </h1>

          {step.kind === 'password' && (
            <>
              <p className="staff-sign-in__intro">{t('signIn.intro')}</p>
              <RequiredField
                id={ids.username}
                label={t('signIn.username')}
                name="username"
                autoComplete="username"
                spellCheck={false}
              />
              <RequiredField
                id={ids.password}
                label={t('signIn.password')}
                name="password"
                type="password"
                autoComplete="current-password"
              />
            </>
          )}

          {step.kind === 'totp' && (
            <>
              <p className="staff-sign-in__intro">
                {t(step.recovery ? 'signIn.recoveryIntro' : 'signIn.totpIntro')}
              </p>
              {step.recovery ? (
                <RequiredField
                  id={ids.recovery}
                  label={t('signIn.recoveryCode')}
                  name="recoveryCode"
                  autoComplete="off"
                  spellCheck={false}
                />
              ) : (
                codeField
              )}
              {/* One code or the other: switching clears the error of the one left. */}
              <button
                type="button"
                className="staff-link-button"
                onClick={() => {
                  setError(null)
                  setStep({ ...step, recovery: !step.recovery })
                }}
              >
                {t(step.recovery ? 'signIn.useApp' : 'signIn.useRecovery')}
              </button>
            </>
          )}

          {step.kind === 'enrol' && (
            <>
              <p className="staff-sign-in__intro">{t('signIn.enrolIntro')}</p>
              <QrCode text={step.otpauthUri} label={t('signIn.qrLabel')} />
              <p>
                {t('signIn.secret')}{' '}
                <code className="staff-secret" translate="no">
                  {grouped(step.secret)}
                </code>
              </p>
              {codeField}
            </>
          )}

          {step.kind === 'recoveryCodes' && (
            <>
              <p className="staff-sign-in__intro">{t('signIn.recoveryCodesIntro')}</p>
              <RecoveryCodes codes={step.codes} saved={saved} onSavedChange={setSaved} />
            </>
          )}

          <div role="alert" id={ids.error} className="staff-error">
            {error}
          </div>

          <button
            type="submit"
            className="as-button as-button--primary as-button--block"
            disabled={busy || (step.kind === 'recoveryCodes' && !saved)}
          >
            {step.kind === 'recoveryCodes' ? t('signIn.continue') : t('signIn.submit')}
          </button>
        </form>
      </main>
    </div>
  )
}
