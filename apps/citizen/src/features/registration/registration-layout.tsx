import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router'
import { DraftSummary } from './draft-summary'
import { RegistrationProvider, useRegistration } from './registration-context'
import { StepIndicator } from './step-indicator'
import { StepLoading } from './step-loading'
import { stepOfPath, stepPath } from './steps'
import { prefetchDirectory, useLanguage } from './use-directory'
import { useFocusHeadingOnArrival } from './use-focus-on-arrival'
import { firstIncompleteStep } from './validation'
import './registration.css'

/** The wizard's frame: the draft for every step, the step indicator, the step, and a summary aside. */
export function RegistrationLayout() {
  return (
    <RegistrationProvider>
      <RegistrationFrame />
    </RegistrationProvider>
  )
}

function RegistrationFrame() {
  const { t } = useTranslation()
  useFocusHeadingOnArrival()
  const language = useLanguage()
  const location = useLocation()
  const step = stepOfPath(location.pathname) ?? 'info'
  const editing = step !== 'done'
  const { generation } = useRegistration()
  useEffect(() => prefetchDirectory(language), [language])
  return (
    <div className={`reg reg--${step}`}>
      <div className="reg__top as-on-dark">
        <div className="reg__top-inner">
          <p className="reg__eyebrow">{t('registration.title')}</p>
          <StepIndicator current={step} />
        </div>
      </div>
      <div className="reg__body">
        <div className="reg__main">
          <Outlet key={generation} />
          {editing ? <ResetDraft /> : null}
        </div>
        {step === 'info' || step === 'photos' || step === 'office' ? (
          <aside className="reg__aside" aria-label={t('registration.summary.label')}>
            <DraftSummary />
          </aside>
        ) : null}
      </div>
    </div>
  )
}

/** `/register`: resumes a saved draft at the first step still to do (the review when all is done). */
export function RegisterIndex() {
  const { fields, photos, photosLoaded, pending } = useRegistration()
  if (!photosLoaded) return <StepLoading />
  const step = pending ? 'review' : (firstIncompleteStep(fields, photos) ?? 'review')
  return <Navigate to={stepPath(step)} replace />
}

/** "Xóa và làm lại", with a second tap to confirm: the draft may hold a lot of typing and three photos. */
function ResetDraft() {
  const { t } = useTranslation()
  const { reset } = useRegistration()
  const navigate = useNavigate()
  const [asking, setAsking] = useState(false)
  const [done, setDone] = useState(false)
  const confirmButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (asking) confirmButton.current?.focus()
  }, [asking])
  return (
    <div className="reg-reset">
      <p className="reg-reset__hint">{t('registration.nav.savedHint')}</p>
      {asking ? (
        <div className="reg-reset__confirm">
          <p id="reg-reset-question">{t('registration.nav.resetQuestion')}</p>
          <div className="reg-reset__buttons">
            <button
              ref={confirmButton}
              type="button"
              aria-describedby="reg-reset-question"
              className="as-button reg-button--danger"
              onClick={() => {
                void reset()
                setAsking(false)
                setDone(true)
                void navigate(stepPath('info'))
              }}
            >
              {t('registration.nav.resetYes')}
            </button>
            <button type="button" className="as-button as-button--secondary" onClick={() => setAsking(false)}>
              {t('registration.nav.resetNo')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="as-button as-button--ghost reg-reset__button"
          onClick={() => {
            setDone(false)
            setAsking(true)
          }}
        >
          {t('registration.nav.reset')}
        </button>
      )}
      <p className="as-visually-hidden" aria-live="polite">
        {done ? t('registration.nav.resetDone') : ''}
      </p>
    </div>
  )
}
