import { type PhotoKind, photoKinds, requiredPhotoKinds } from '@ansinh/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useNavigate } from 'react-router'
import { checkPhoto, type PhotoProblem } from './photo-check'
import { PhotoField } from './photo-field'
import { useRegistration } from './registration-context'
import { StepCard, StepNav } from './step-card'
import { StepLoading } from './step-loading'
import { stepPath } from './steps'
import { useFieldLabels } from './use-field-labels'
import { useStepGuard } from './use-step-guard'
import { firstError, useStepValidation } from './use-step-validation'
import { validatePhotos } from './validation'

/** Step 2: the portrait and both sides of the ID document. */
export function PhotosStep() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const guard = useStepGuard('photos')
  const { fields, photos, setPhoto } = useRegistration()
  const labels = useFieldLabels(fields.idKind)
  const missing = t('registration.photos.errors.missing')
  const { errors, notice, focusSignal, next } = useStepValidation('photos', () =>
    validatePhotos(fields, photos, missing),
  )
  // A refused file leaves the photo kept before it in place; the refusal shows under its field.
  const [refused, setRefused] = useState<Partial<Record<PhotoKind, PhotoProblem>>>({})
  const required = requiredPhotoKinds(fields.idKind)

  if (guard.redirect) return <Navigate to={guard.redirect} replace />

  async function pick(kind: PhotoKind, file: File) {
    const checked = await checkPhoto(file, kind)
    if (checked.ok) {
      setPhoto(kind, checked.photo)
      setRefused(({ [kind]: _, ...others }) => others)
    } else {
      setRefused((current) => ({ ...current, [kind]: checked.problem }))
    }
  }

  return (
    <StepCard
      step="photos"
      intro={t('registration.photos.intro')}
      errors={errors}
      labels={labels}
      focusSignal={focusSignal}
      notice={notice}
    >
      {guard.ready ? (
        <form
          className="reg-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            next(() => void navigate(stepPath('office')))
          }}
        >
          <div className="reg-photos">
            {photoKinds.map((kind) => {
              const problem = refused[kind]
              return (
                <PhotoField
                  key={kind}
                  kind={kind}
                  required={required.includes(kind)}
                  photo={photos[kind]}
                  error={
                    problem
                      ? t(`registration.photos.errors.${problem}`)
                      : firstError(errors, `photos.${kind}`)
                  }
                  errorIsFresh={problem !== undefined}
                  onPick={(file) => void pick(kind, file)}
                  onRemove={() => setPhoto(kind, undefined)}
                />
              )
            })}
          </div>
          <p className="reg-note">{t('registration.photos.privacy')}</p>
          <StepNav back="info" />
        </form>
      ) : (
        <StepLoading />
      )}
    </StepCard>
  )
}
