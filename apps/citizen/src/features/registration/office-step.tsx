import { ContactChannel, formatMobilePhone } from '@ansinh/domain'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useNavigate } from 'react-router'
import { LoadProblem } from './address-fields'
import { describedBy, FieldError, FieldHint } from './form-controls'
import { OfficePicker } from './office-picker'
import { type OfficeTreeIndex, provinceOfficeOf, useOfficeIndex } from './office-tree'
import { useRegistration } from './registration-context'
import { StepCard, StepNav } from './step-card'
import { StepLoading } from './step-loading'
import { stepPath } from './steps'
import { useSuggestedOffice } from './use-directory'
import { useFieldLabels } from './use-field-labels'
import { useStepGuard } from './use-step-guard'
import { firstError, useStepValidation } from './use-step-validation'
import { validateOffice } from './validation'

/** Step 3: the BHXH office that receives the papers, and how the person hears from it. */
export function OfficeStep() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const guard = useStepGuard('office')
  const { fields } = useRegistration()
  const labels = useFieldLabels(fields.idKind)
  const { errors, notice, focusSignal, next } = useStepValidation('office', () => validateOffice(fields))
  const index = useOfficeIndex()
  const suggestion = useSuggestedOffice(fields)
  const suggested = suggestion.status === 'ok' ? suggestion.data.office : null
  useApplySuggestion(suggested?.code ?? null, index.status === 'ok' ? index.data : null)
  useSmsWithoutEmail()

  if (guard.redirect) return <Navigate to={guard.redirect} replace />

  return (
    <StepCard
      step="office"
      intro={t('registration.office.intro')}
      errors={errors}
      labels={labels}
      focusSignal={focusSignal}
      notice={notice}
    >
      {guard.ready && index.status !== 'loading' && index.status !== 'idle' ? (
        <form
          className="reg-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            next(() => void navigate(stepPath('review')))
          }}
        >
          <fieldset className="reg-fieldset">
            <legend className="reg-fieldset__legend">{t('registration.office.legend')}</legend>
            {index.status === 'ok' ? (
              <OfficeChoice
                index={index.data}
                suggestedCode={suggested?.code ?? null}
                error={firstError(errors, 'officeCode')}
              />
            ) : (
              <LoadProblem loads={[index]} />
            )}
          </fieldset>
          <ChannelChoice error={firstError(errors, 'contactChannel')} />
          <StepNav back="photos" />
        </form>
      ) : (
        <StepLoading />
      )}
    </StepCard>
  )
}

function OfficeChoice({
  index,
  suggestedCode,
  error,
}: {
  index: OfficeTreeIndex
  suggestedCode: string | null
  error: string | undefined
}) {
  const { fields, update } = useRegistration()
  return (
    <OfficePicker
      index={index}
      value={fields}
      onChange={update}
      error={error}
      suggestedCode={suggestedCode}
    />
  )
}

function ChannelChoice({ error }: { error: string | undefined }) {
  const { t } = useTranslation()
  const { fields, update } = useRegistration()
  const hasEmail = fields.email.trim() !== ''
  const options = [
    {
      value: ContactChannel.Sms,
      label: t('registration.office.channelSms'),
      detail: formatMobilePhone(fields.phone),
      disabled: false,
    },
    {
      value: ContactChannel.Email,
      label: t('registration.office.channelEmail'),
      detail: hasEmail ? fields.email.trim() : t('registration.office.channelEmailMissing'),
      disabled: !hasEmail,
    },
  ]
  return (
    <fieldset
      className="reg-fieldset"
      id="reg-contactChannel"
      aria-describedby={describedBy('contactChannel', true, Boolean(error))}
    >
      <legend className="reg-fieldset__legend">{t('registration.office.channelLegend')}</legend>
      <FieldHint name="contactChannel">{t('registration.office.channelHint')}</FieldHint>
      <div className="reg-radio-cards">
        {options.map((option) => (
          <label
            key={option.value}
            className="reg-radio-card"
            data-disabled={option.disabled ? 'true' : undefined}
          >
            <input
              type="radio"
              name="contactChannel"
              value={option.value}
              checked={fields.contactChannel === option.value}
              disabled={option.disabled}
              onChange={() => update({ contactChannel: option.value })}
            />
            <span className="reg-radio-card__text">
              <span className="reg-radio-card__label">{option.label}</span>
              <span className="reg-radio-card__detail">{option.detail}</span>
            </span>
          </label>
        ))}
      </div>
      <FieldError name="contactChannel" message={error} />
    </fieldset>
  )
}

/**
 * Pre-selects the office suggested for the address, once, while the person has chosen none: after that
 * (even if they empty the choice) the choice is theirs.
 */
function useApplySuggestion(code: string | null, index: OfficeTreeIndex | null) {
  const { fields, update } = useRegistration()
  const applied = useRef(false)
  useEffect(() => {
    if (applied.current || !code || !index || fields.officeCode !== '') return
    applied.current = true
    update({ officeProvinceCode: provinceOfficeOf(index, code)?.code ?? '', officeCode: code })
  }, [code, index, fields.officeCode, update])
}

/** E-mail cannot stay chosen once the address is gone (it was removed on the first step). */
function useSmsWithoutEmail() {
  const { fields, update } = useRegistration()
  const stale = fields.contactChannel === ContactChannel.Email && fields.email.trim() === ''
  useEffect(() => {
    if (stale) update({ contactChannel: ContactChannel.Sms })
  }, [stale, update])
}
