import { IdDocumentKind, idDocumentKinds } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { EidRegistrationShortcut } from '../eid/eid-sign-in'
import { AddressFields } from './address-fields'
import { phoneInput, SegmentedChoice, TextField } from './form-controls'
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

  // A text box's name is also its draft field, label key and error key: the name alone wires it up.
  function textFieldOf(name: 'bhxhCode' | 'fullName' | 'idNumber' | 'phone' | 'email') {
    return {
      name,
      label: labels[name] ?? '',
      value: fields[name],
      error: firstError(errors, name),
      onChange: (value: string) => update({ [name]: value }),
    }
  }

  return (
    <StepCard
      step="info"
      intro={t('registration.info.intro')}
      errors={errors}
      labels={labels}
      focusSignal={focusSignal}
      notice={notice}
    >
      <EidRegistrationShortcut />
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
            {...textFieldOf('bhxhCode')}
            hint={t('registration.info.bhxhCodeHint')}
            aside={
              <Link to="/lookup" className="reg-field__aside-link">
                {t('registration.info.lookupBhxhCode')}
              </Link>
            }
            inputMode="numeric"
            autoComplete="off"
            maxLength={14}
          />
          <TextField
            {...textFieldOf('fullName')}
            hint={t('registration.info.fullNameHint')}
            autoComplete="name"
            autoCapitalize="words"
            maxLength={100}
          />
          <SegmentedChoice
            name="idKind"
            legend={t('registration.info.idKind')}
            columns={3}
            options={idDocumentKinds.map((kind) => ({
              value: kind,
              label: t(`registration.idKinds.${kind}`),
            }))}
            value={fields.idKind}
            error={firstError(errors, 'idKind')}
            onChange={(idKind) => update({ idKind })}
          />
          <TextField
            {...textFieldOf('idNumber')}
            inputMode={numeric ? 'numeric' : 'text'}
            autoCapitalize={numeric ? 'off' : 'characters'}
            autoComplete="off"
            maxLength={numeric ? 15 : 12}
          />
        </fieldset>
        <AddressFields errors={errors} value={fields} onChange={update} />
        <fieldset className="reg-fieldset">
          <legend className="reg-fieldset__legend">{t('registration.info.contactLegend')}</legend>
          <div className="reg-grid reg-grid--2">
            <TextField {...textFieldOf('phone')} {...phoneInput} hint={t('registration.info.phoneHint')} />
            <TextField
              {...textFieldOf('email')}
              hint={t('registration.info.emailHint')}
              type="email"
              inputMode="email"
              autoComplete="email"
              maxLength={254}
            />
          </div>
        </fieldset>
        <StepNav />
      </form>
    </StepCard>
  )
}
