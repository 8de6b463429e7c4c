import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate } from 'react-router'
import { CommitmentField, useFocusOnSignal } from './form-controls'
import { OtpPanel } from './otp-panel'
import { useRegistration } from './registration-context'
import { ReviewSummary } from './review-summary'
import { StepCard } from './step-card'
import { StepLoading } from './step-loading'
import { stepPath } from './steps'
import { useFieldLabels } from './use-field-labels'
import { useStepGuard } from './use-step-guard'
import { firstError, useStepValidation } from './use-step-validation'
import { useFailureText, useFinishRegistration, useSubmitRegistration } from './use-submission'
import { validateReview } from './validation'

/** Step 4: everything once more, the commitment, "Gửi hồ sơ", then the OTP. */
export function ReviewStep() {
  const { t } = useTranslation()
  const guard = useStepGuard('review')
  const { fields, pending, update } = useRegistration()
  const labels = useFieldLabels(fields.idKind)
  const { errors, notice, focusSignal, next } = useStepValidation('review', () => validateReview(fields))
  const { submit, busy, failure, failureSignal } = useSubmitRegistration()
  const finish = useFinishRegistration()
  const failureText = useFailureText()
  const failureBox = useRef<HTMLDivElement>(null)
  useFocusOnSignal(failureBox, failureSignal, failure !== null)

  if (guard.redirect) return <Navigate to={guard.redirect} replace />
  if (!guard.ready) {
    return (
      <StepCard step="review">
        <StepLoading />
      </StepCard>
    )
  }

  const agreedError = firstError(errors, 'agreed')
  return (
    <StepCard
      step="review"
      intro={t('registration.review.intro')}
      errors={errors}
      labels={labels}
      focusSignal={focusSignal}
      notice={notice}
    >
      <ReviewSummary editable={!busy} />
      <form
        className="reg-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          if (!pending) next(() => void submit())
        }}
      >
        <CommitmentField
          label={t('registration.review.commitment')}
          checked={fields.agreed}
          disabled={pending !== null}
          error={agreedError}
          onChange={(agreed) => update({ agreed })}
        />
        {failure ? (
          <div ref={failureBox} className="reg-alert reg-alert--error" role="alert" tabIndex={-1}>
            <p>{failureText(failure)}</p>
          </div>
        ) : null}
        {pending ? null : (
          <div className="reg-nav">
            <Link to={stepPath('office')} className="as-button as-button--secondary reg-nav__back">
              {t('registration.nav.back')}
            </Link>
            <button type="submit" className="as-button as-button--primary reg-nav__next" disabled={busy}>
              {busy ? t('registration.review.sending') : t('registration.review.submit')}
            </button>
          </div>
        )}
      </form>
      {pending ? (
        <OtpPanel
          key={pending.id}
          pending={pending}
          onConfirmed={finish}
          onResubmit={submit}
          resubmitting={busy}
        />
      ) : null}
    </StepCard>
  )
}
