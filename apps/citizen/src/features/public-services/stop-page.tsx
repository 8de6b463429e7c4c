import { AccountRequestPurpose, StopRequest } from '@ansinh/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { given } from '../registration/draft'
import { TextAreaField } from '../registration/form-controls'
import { errorsOf } from '../registration/validation'
import { fileStop } from './api'
import { OtpFiling, useOtpRequest } from './otp-filing'
import { FiledConfirmation, ServiceForm, ServicePage, useServiceRequest } from './service-parts'

/**
 * "Ngừng sử dụng phương thức giao dịch điện tử" (seed 001): the reason, the receiving office and what
 * the stop means, then the OTP to the phone on record; the office decides it.
 */
export function StopPage() {
  const { t } = useTranslation()
  const service = useServiceRequest()
  const { language, csrfToken, office, form } = service
  const [reason, setReason] = useState('')
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
          summary={[[t('publicServices.stop.reason'), reason.trim()]]}
        />
      ) : (
        <ServiceForm
          service={service}
          labels={{ reason: t('publicServices.stop.reason'), officeCode: t('registration.office.office') }}
          failure={flow.failure}
          onSubmit={() => flow.submit(errorsOf(StopRequest, request))}
          busy={flow.busy}
          label={t('publicServices.stop.submit')}
          busyLabel={t('publicServices.sendingOtp')}
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
        </ServiceForm>
      )}
    </ServicePage>
  )
}
