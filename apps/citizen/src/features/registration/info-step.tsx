import { IdDocumentKind, idDocumentKinds } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { AddressFields } from './address-fields'
import { describedBy, FieldError, TextField } from './form-controls'
import { QrFillPanel } from './qr-fill'
import { useRegistration } from './registration-context'
import { StepCard, StepNav } from './step-card'
import { stepPath } from './steps'
import { useFieldLabels } from './use-field-labels'
import { firstError, useStepValidation } from './use-step-validation'
import { validateInfo } from './validation'

/** Step 1: who registers, their ID document, contact address and phone. */
export function InfoStep() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { fields, update } = useRegistration()
  const labels = useFieldLabels(fields.idKind)
  const { errors, notice, focusSignal, next } = useStepValidation('info', () => validateInfo(fields))
  const numeric = fields.idKind !== IdDocumentKind.Passport

  return (
    <StepCard
      step="info"
      intro={t('registration.info.intro')}
      errors={errors}
      labels={labels}
      focusSignal={focusSignal}
      notice={notice}
    >
      <QrFillPanel />
      <form
        className="reg-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          next(() => void navigate(stepPath('photos')))
        }}
      >
        <fieldset className="reg-fieldset">
          <legend className="reg-fieldset__legend">{t('registration.info.personLegend')}</legend>
          <TextField
            name="bhxhCode"
            label={labels.bhxhCode ?? ''}
            hint={t('registration.info.bhxhCodeHint')}
            aside={
              <Link to="/lookup" className="reg-field__aside-link">
                {t('registration.info.lookupBhxhCode')}
              </Link>
            }
            value={fields.bhxhCode}
            inputMode="numeric"
            autoComplete="off"
            maxLength={14}
            error={firstError(errors, 'bhxhCode')}
            onChange={(bhxhCode) => update({ bhxhCode })}
          />
          <TextField
            name="fullName"
            label={labels.fullName ?? ''}
            hint={t('registration.info.fullNameHint')}
            value={fields.fullName}
            autoComplete="name"
            autoCapitalize="words"
            maxLength={100}
            error={firstError(errors, 'fullName')}
            onChange={(fullName) => update({ fullName })}
          />
          <IdKindChoice error={firstError(errors, 'idKind')} />
          <TextField
            name="idNumber"
            label={labels.idNumber ?? ''}
            value={fields.idNumber}
            inputMode={numeric ? 'numeric' : 'text'}
            autoCapitalize={numeric ? 'off' : 'characters'}
            autoComplete="off"
            maxLength={numeric ? 15 : 12}
            error={firstError(errors, 'idNumber')}
            onChange={(idNumber) => update({ idNumber })}
          />
        </fieldset>
        <AddressFields errors={errors} />
        <fieldset className="reg-fieldset">
          <legend className="reg-fieldset__legend">{t('registration.info.contactLegend')}</legend>
          <div className="reg-grid reg-grid--2">
            <TextField
              name="phone"
              label={labels.phone ?? ''}
              hint={t('registration.info.phoneHint')}
              value={fields.phone}
              type="tel"
              inputMode="tel"
              autoComplete="tel-national"
              maxLength={20}
              error={firstError(errors, 'phone')}
              onChange={(phone) => update({ phone })}
            />
            <TextField
              name="email"
              label={labels.email ?? ''}
              hint={t('registration.info.emailHint')}
              value={fields.email}
              type="email"
              inputMode="email"
              autoComplete="email"
              maxLength={254}
              error={firstError(errors, 'email')}
              onChange={(email) => update({ email })}
            />
          </div>
        </fieldset>
        <StepNav />
      </form>
    </StepCard>
  )
}

function IdKindChoice({ error }: { error: string | undefined }) {
  const { t } = useTranslation()
  const { fields, update } = useRegistration()
  return (
    <fieldset
      className="reg-choice-group"
      id="reg-idKind"
      aria-describedby={describedBy('idKind', false, Boolean(error))}
    >
      <legend className="reg-field__label">{t('registration.info.idKind')}</legend>
      <div className="reg-segmented reg-segmented--3">
        {idDocumentKinds.map((kind) => (
          <label key={kind} className="reg-segmented__option">
            <input
              type="radio"
              name="idKind"
              value={kind}
              checked={fields.idKind === kind}
              onChange={() => update({ idKind: kind })}
            />
            <span>{t(`registration.idKinds.${kind}`)}</span>
          </label>
        ))}
      </div>
      <FieldError name="idKind" message={error} />
    </fieldset>
  )
}
