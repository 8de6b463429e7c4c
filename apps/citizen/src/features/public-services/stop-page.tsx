import { AccountRequestPurpose, StopRequest } from '@ansinh/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { given } from '../registration/draft'
import { CheckedForm, TextAreaField } from '../registration/form-controls'
import type { OfficePick } from '../registration/office-picker'
import { errorsOf } from '../registration/validation'
import { useSignedIn } from '../session/session'
import { useLanguage } from '../session/use-language'
import { fileStop } from './api'
import { OtpFiling, useOtpRequest } from './otp-filing'
import {
  FailureAlert,
  FiledConfirmation,
  FilingSummary,
  FormErrorSummary,
  noOffice,
  ReceivingOffice,
  ServicePage,
  SubmitRow,
  useFormErrors,
} from './service-parts'

/**
 * "Ngừng sử dụng phương thức giao dịch điện tử" (seed 001): the reason, the receiving office and what
 * the stop means, then the OTP to the phone on record; the office decides it.
 */
export function StopPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { csrfToken } = useSignedIn()
  const [reason, setReason] = useState('')
  const [office, setOffice] = useState<OfficePick>(noOffice)
  const form = useFormErrors()
  const flow = useOtpRequest(AccountRequestPurpose.Stop, form)
  const request = { reason, officeCode: given(office.officeCode) }
  const title = t('publicServices.stop.title')

  if (flow.phase.step === 'done')
    return (
      <ServicePage title={title}>
        <FiledConfirmation filed={flow.phase.filed} next={t('publicServices.stop.next')} />
      </ServicePage>
    )

  return (
    <ServicePage title={title} intro={t('publicServices.stop.intro')}>
      <div className="reg-alert reg-alert--warning pubsvc-warning">
        <h2 className="reg-alert__title">{t('publicServices.stop.warningTitle')}</h2>
        <ul className="reg-alert__list">
          <li>{t('publicServices.stop.warningAccount')}</li>
          <li>{t('publicServices.stop.warningChildren')}</li>
          <li>{t('publicServices.stop.warningAgain')}</li>
        </ul>
      </div>
      {flow.phase.step === 'otp' ? (
        <OtpFiling
          sent={flow.phase.sent}
          file={(otp) => fileStop({ ...StopRequest.parse(request), otp }, csrfToken, language)}
          onFiled={flow.filed}
          onRefused={flow.refused}
          onCancel={flow.cancel}
        >
          <FilingSummary items={[[t('publicServices.stop.reason'), reason.trim()]]} />
        </OtpFiling>
      ) : (
        <>
          <FormErrorSummary
            form={form}
            labels={{ reason: t('publicServices.stop.reason'), officeCode: t('registration.office.office') }}
          />
          <FailureAlert failure={flow.failure} />
          <CheckedForm
            onSubmit={() => {
              const errors = errorsOf(StopRequest, request)
              if (Object.keys(errors).length > 0) form.show(errors)
              else void flow.start()
            }}
          >
            <TextAreaField
              name="reason"
              label={t('publicServices.stop.reason')}
              hint={t('publicServices.stop.reasonHint')}
              rows={3}
              maxLength={500}
              value={reason}
              error={form.first('reason')}
              onChange={(value) => {
                setReason(value)
                form.clear('reason')
              }}
            />
            <ReceivingOffice value={office} onChange={setOffice} form={form} />
            <SubmitRow
              busy={flow.busy}
              label={t('publicServices.stop.submit')}
              busyLabel={t('publicServices.sendingOtp')}
            />
          </CheckedForm>
        </>
      )}
    </ServicePage>
  )
}
