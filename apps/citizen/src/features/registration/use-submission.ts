import {
  ErrorCode,
  normalizeMobilePhone,
  type PhotoKind,
  photoKinds,
  type RegistrationConfirmed,
  RegistrationForm,
  validationErrorOf,
} from '@ansinh/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { type ApiFailure, ClientErrorCode, createRegistration, type PhotoUpload } from './api'
import { formInputOf } from './draft'
import { clearDraft, rememberDossier, saveLastConfirmation } from './draft-store'
import { useRegistration } from './registration-context'
import { stepPath } from './steps'
import { useLanguage } from './use-directory'
import { earliestStepOf, type FieldErrors } from './validation'

/**
 * "Gửi hồ sơ": checks the whole form with RegistrationForm, then sends it with the photos. Field
 * errors (the browser's or the server's) send the person back to the earliest step that holds one;
 * everything typed stays where it was.
 */
export function useSubmitRegistration() {
  const { fields, photos, setPending, setServerErrors } = useRegistration()
  const language = useLanguage()
  const navigate = useNavigate()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  // Counts failures, so that each new one moves the focus to its message again.
  const [failureSignal, setFailureSignal] = useState(0)

  function sendBack(errors: FieldErrors, notice: string | null = null) {
    setServerErrors(errors, notice)
    const step = earliestStepOf(Object.keys(errors))
    if (step && step !== 'review') void navigate(stepPath(step))
  }

  async function submit(): Promise<boolean> {
    const parsed = RegistrationForm.safeParse(formInputOf(fields, language))
    if (!parsed.success) {
      sendBack(validationErrorOf(parsed.error).error.fields ?? {})
      return false
    }
    setBusy(true)
    setFailure(null)
    const uploads: Partial<Record<PhotoKind, PhotoUpload>> = {}
    for (const kind of photoKinds) {
      const photo = photos[kind]
      if (photo) uploads[kind] = { blob: photo.blob, name: photo.name }
    }
    const result = await createRegistration(parsed.data, uploads, language)
    setBusy(false)
    if (result.ok) {
      setPending(result.value)
      return true
    }
    const answer = result.error
    // "Thông tin chưa hợp lệ…" adds nothing to the list of fields; other codes explain themselves.
    if (Object.keys(answer.fields).length > 0)
      sendBack(answer.fields, answer.code === ErrorCode.ValidationFailed ? null : answer.message || null)
    setFailure(result.error)
    setFailureSignal((value) => value + 1)
    return false
  }

  return { submit, busy, failure, failureSignal }
}

/** Marks the arrival on the done screen right after a confirmation (see DoneStep). */
export type DoneState = { justConfirmed: true }

/**
 * After the OTP is accepted: remember the dossier on this device, forget the stored draft, show the
 * result. The draft in memory is dropped by the done screen once it shows: dropping it here would let
 * the review screen, still on display while the navigation runs, see an empty form and redirect.
 */
export function useFinishRegistration() {
  const { fields } = useRegistration()
  const navigate = useNavigate()
  return (confirmed: RegistrationConfirmed) => {
    const normalized = normalizeMobilePhone(fields.phone)
    const phone = normalized.ok ? normalized.value : fields.phone
    rememberDossier({ dossierNumber: confirmed.dossierNumber, phone, submittedAt: confirmed.submittedAt })
    saveLastConfirmation({ confirmed, phone, idKind: fields.idKind })
    void clearDraft()
    const state: DoneState = { justConfirmed: true }
    void navigate(stepPath('done'), { state })
  }
}

/** The text for a failed call: the server's own message (in the UI language), or ours for the network. */
export function useFailureText() {
  const { t } = useTranslation()
  return (failure: ApiFailure): string => {
    if (failure.code === ClientErrorCode.Network) return t('registration.errors.network')
    if (failure.code === ClientErrorCode.BadResponse) return t('registration.errors.badResponse')
    if (failure.message) return failure.message
    if (failure.code === 'PAYLOAD_TOO_LARGE') return t('registration.errors.tooLarge')
    if (failure.code === 'RATE_LIMITED') return t('registration.errors.rateLimited')
    return t('registration.errors.generic')
  }
}
