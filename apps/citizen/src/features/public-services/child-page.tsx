import { ChildRegistrationRequest, ErrorCode, type FiledDossier, IdDocumentKind } from '@ansinh/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DraftPhoto } from '../registration/draft'
import { given } from '../registration/draft'
import { CommitmentField, TextField } from '../registration/form-controls'
import { checkPhoto, type PhotoProblem } from '../registration/photo-check'
import { PhotoField } from '../registration/photo-field'
import { useFieldLabels } from '../registration/use-field-labels'
import { errorsOf } from '../registration/validation'
import { useCitizenSession } from '../session/session'
import { type ApiFailure, fileChild } from './api'
import { FiledConfirmation, ServiceForm, ServicePage, useServiceRequest } from './service-parts'

/**
 * "Đăng ký tài khoản cho con" (seed 004): the child's BHXH code or personal ID and full name, the
 * birth certificate photo, the receiving office and the commitment; no OTP, the parent is signed in.
 * The account is issued under the parent's once the office approves it.
 */
export function ChildPage() {
  const { t } = useTranslation()
  const service = useServiceRequest()
  const { language, csrfToken, office, form } = service
  const { handleFailure } = useCitizenSession()
  const baseLabels = useFieldLabels(IdDocumentKind.PersonalId)
  const [identifier, setIdentifier] = useState('')
  const [fullName, setFullName] = useState('')
  const [photo, setPhoto] = useState<DraftPhoto>()
  const [refused, setRefused] = useState<PhotoProblem>()
  const [agreed, setAgreed] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [filed, setFiled] = useState<FiledDossier | null>(null)
  const title = t('publicServices.child.title')
  const labels = {
    ...baseLabels,
    identifier: t('publicServices.child.identifier'),
    fullName: t('publicServices.child.fullName'),
    birthCertificate: t('publicServices.child.birthCertificate'),
  }

  function check() {
    const errors = errorsOf(ChildRegistrationRequest, {
      identifier: given(identifier),
      fullName: given(fullName),
      officeCode: given(office.officeCode),
    })
    if (!photo) errors.birthCertificate = [t('registration.photos.errors.missing')]
    if (!agreed) errors.agreed = [t('publicServices.child.agreeRequired')]
    return errors
  }

  async function submit() {
    const errors = check()
    if (Object.keys(errors).length > 0 || !photo) {
      form.show(errors)
      return
    }
    setBusy(true)
    setFailure(null)
    const request = ChildRegistrationRequest.parse({ identifier, fullName, officeCode: office.officeCode })
    const result = await fileChild(request, photo, csrfToken, language)
    setBusy(false)
    if (result.ok) setFiled(result.value)
    else if (handleFailure(result.error)) return
    else if (Object.keys(result.error.fields).length > 0)
      form.show(
        result.error.fields,
        result.error.code === ErrorCode.ValidationFailed ? null : result.error.message || null,
      )
    else setFailure(result.error)
  }

  if (filed)
    return (
      <ServicePage title={title}>
        <FiledConfirmation filed={filed} next={t('publicServices.child.next')} />
      </ServicePage>
    )

  return (
    <ServicePage title={title} intro={t('publicServices.child.intro')}>
      <ServiceForm
        service={service}
        labels={labels}
        failure={failure}
        onSubmit={() => void submit()}
        busy={busy}
        label={t('registration.review.submit')}
        busyLabel={t('registration.review.sending')}
        beforeSubmit={
          <CommitmentField
            label={t('publicServices.child.commitment')}
            checked={agreed}
            error={form.first('agreed')}
            onChange={(value) => {
              setAgreed(value)
              form.clear('agreed')
            }}
          />
        }
      >
        <fieldset className="reg-fieldset">
          <legend className="reg-fieldset__legend">{t('publicServices.child.childLegend')}</legend>
          <TextField
            name="identifier"
            label={labels.identifier}
            hint={t('publicServices.child.identifierHint')}
            value={identifier}
            error={form.first('identifier')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={15}
            onChange={(value) => {
              setIdentifier(value)
              form.clear('identifier')
            }}
          />
          <TextField
            name="fullName"
            label={labels.fullName}
            hint={t('registration.info.fullNameHint')}
            value={fullName}
            error={form.first('fullName')}
            autoComplete="off"
            maxLength={100}
            onChange={(value) => {
              setFullName(value)
              form.clear('fullName')
            }}
          />
        </fieldset>
        <PhotoField
          kind="birthCertificate"
          name="birthCertificate"
          label={labels.birthCertificate}
          hint={t('publicServices.child.birthCertificateHint')}
          required
          photo={photo}
          error={refused ? t(`registration.photos.errors.${refused}`) : form.first('birthCertificate')}
          errorIsFresh={refused !== undefined}
          onPick={(file) =>
            void checkPhoto(file, 'birthCertificate').then((checked) => {
              if (checked.ok) {
                setPhoto(checked.photo)
                setRefused(undefined)
                form.clear('birthCertificate')
              } else setRefused(checked.problem)
            })
          }
          onRemove={() => setPhoto(undefined)}
        />
      </ServiceForm>
    </ServicePage>
  )
}
