import {
  type AccountRequestOtp,
  type AccountRequestPurpose,
  type CitizenOtpSent,
  ErrorCode,
  type FiledDossier,
} from '@ansinh/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFailureText } from '../registration/use-submission'
import type { FieldErrors } from '../registration/validation'
import { OtpStep } from '../session/otp-step'
import { useCitizenSession, useSignedIn } from '../session/session'
import { useLanguage } from '../session/use-language'
import { type ApiFailure, type ApiResult, requestOtp, resendOtp } from './api'
import { FilingSummary, type FormErrors } from './service-parts'

type OtpFilingProps = {
  /** The answer of `POST /me/requests/otp`: the request, the masked phone, when "Gửi lại mã" opens. */
  sent: CitizenOtpSent
  /** Files the request with the code the person typed. */
  file: (otp: AccountRequestOtp) => Promise<ApiResult<FiledDossier>>
  onFiled: (filed: FiledDossier) => void
  /**
   * The filing was refused for something other than the code (a field of the form, a dossier already
   * pending, a request that can no longer be used): back to the form, which shows it.
   */
  onRefused: (failure: ApiFailure) => void
  onCancel: () => void
  /** What is being filed, shown above the code box: each changed item and its new value. */
  summary: [term: string, value: string][]
}

/**
 * The OTP step of "Thay đổi thông tin" and "Ngừng sử dụng": the code goes to the phone on record
 * (shown masked), the box with "Xác nhận" and "Gửi lại mã" with its countdown (the sign-in's OTP step),
 * and the filing itself once the code is typed. A wrong code is said under the box, with the tries left.
 */
export function OtpFiling({ sent, file, onFiled, onRefused, onCancel, summary }: OtpFilingProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { csrfToken } = useSignedIn()
  const { handleFailure } = useCitizenSession()
  const failureText = useFailureText()

  async function confirm(code: string): Promise<string | null> {
    const result = await file({ requestId: sent.requestId, code })
    if (result.ok) {
      onFiled(result.value)
      return null
    }
    if (handleFailure(result.error)) return null
    // A wrong or expired code is about the code: said under the box, where "Gửi lại mã" is.
    const { code: errorCode, fields } = result.error
    if (errorCode === ErrorCode.OtpInvalid || errorCode === ErrorCode.OtpExpired)
      return fields['otp.code']?.[0] ?? failureText(result.error)
    onRefused(result.error)
    return null
  }

  async function resend() {
    const result = await resendOtp(sent.requestId, csrfToken, language)
    if (result.ok) return result.value
    if (handleFailure(result.error)) return ''
    return failureText(result.error)
  }

  return (
    <OtpStep
      title={t('publicServices.otp.title')}
      request={sent}
      onConfirm={confirm}
      onResend={resend}
      onCancel={onCancel}
    >
      <FilingSummary items={summary} />
      <p className="reg-note">{t('publicServices.otp.why')}</p>
    </OtpStep>
  )
}

type Phase = { step: 'form' } | { step: 'otp'; sent: CitizenOtpSent } | { step: 'done'; filed: FiledDossier }

/**
 * Where a request that needs the OTP stands: the form, the code, the confirmation. `submit` asks for
 * the code once the form is checked; a refusal of the filing comes back to the form, its fields
 * beside them (`form`) and anything else in an alert (`failure`). What was typed stays in the page.
 */
export function useOtpRequest(purpose: AccountRequestPurpose, form: FormErrors) {
  const language = useLanguage()
  const { csrfToken } = useSignedIn()
  const { handleFailure } = useCitizenSession()
  const [phase, setPhase] = useState<Phase>({ step: 'form' })
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [busy, setBusy] = useState(false)

  async function start() {
    setBusy(true)
    setFailure(null)
    const result = await requestOtp(purpose, csrfToken, language)
    setBusy(false)
    if (result.ok) setPhase({ step: 'otp', sent: result.value })
    else if (!handleFailure(result.error)) setFailure(result.error)
  }

  /** The form's "Tiếp tục": its errors shown, or else the code asked for. */
  function submit(errors: FieldErrors) {
    if (Object.keys(errors).length > 0) form.show(errors)
    else void start()
  }

  function refused(answer: ApiFailure) {
    setPhase({ step: 'form' })
    // The form's own fields go beside them; the rest (too many wrong codes, a request that is gone,
    // a dossier already waiting) is said above the form, whose "Tiếp tục" asks for a new code.
    const formFields = Object.entries(answer.fields).filter(([key]) => !key.startsWith('otp'))
    if (formFields.length > 0)
      form.show(
        Object.fromEntries(formFields),
        answer.code === ErrorCode.ValidationFailed ? null : answer.message || null,
      )
    else setFailure(answer)
  }

  return {
    phase,
    failure,
    busy,
    submit,
    refused,
    cancel: () => setPhase({ step: 'form' }),
    filed: (filed: FiledDossier) => setPhase({ step: 'done', filed }),
  }
}
