import {
  AddressCodeSet,
  ErrorCode,
  FEEDBACK_CONTENT_MAX,
  type FeedbackReceipt,
  FeedbackSubmission,
  type FeedbackSubmissionInput,
  feedbackCategories,
  MAX_FEEDBACK_ATTACHMENTS,
} from '@ansinh/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import {
  DoneSection,
  FailureAlert,
  FormErrorSummary,
  ServicePage,
  SubmitRow,
  useFormErrors,
} from '../public-services/service-parts'
import { DossierNumber } from '../registration/done-step'
import type { DraftPhoto } from '../registration/draft'
import { CheckedForm, phoneInput, SelectField, TextAreaField, TextField } from '../registration/form-controls'
import { checkPhoto, type PhotoProblem } from '../registration/photo-check'
import { PhotoField } from '../registration/photo-field'
import { useProvinces } from '../registration/use-directory'
import { errorsOf } from '../registration/validation'
import { useCitizenSession } from '../session/session'
import { useLanguage } from '../session/use-language'
import { type ApiFailure, sendFeedback } from './api'
import { feedbackStatusPath } from './paths'
import './feedback.css'

// What the person types, as typed; the schema checks and normalises it on sending.
type Fields = Record<Exclude<keyof FeedbackSubmissionInput, 'language'>, string>
const empty: Fields = { category: '', content: '', fullName: '', phone: '', email: '', provinceCode: '' }

/**
 * "Phản ánh kiến nghị" (seed 002, Hỗ trợ): what it is about, what happened, up to three photos, who
 * to answer and where; no account needed. Signed in, the answer also reaches "Thông báo".
 */
export function FeedbackPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { state } = useCitizenSession()
  const provinces = useProvinces(AddressCodeSet.Current)
  const [fields, setFields] = useState<Fields>(empty)
  const [photos, setPhotos] = useState<DraftPhoto[]>([])
  const [refused, setRefused] = useState<PhotoProblem>()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [receipt, setReceipt] = useState<FeedbackReceipt | null>(null)
  const form = useFormErrors()
  const title = t('feedback.title')
  const labels: Record<string, string> = {
    category: t('feedback.category'),
    content: t('feedback.content'),
    fullName: t('registration.info.fullName'),
    phone: t('registration.info.phone'),
    email: t('registration.info.email'),
    provinceCode: t('feedback.province'),
    attachments: t('feedback.photos'),
    ...Object.fromEntries(
      Array.from({ length: MAX_FEEDBACK_ATTACHMENTS }, (_, index) => [
        `attachments.${index}`,
        t('feedback.photo', { number: index + 1 }),
      ]),
    ),
  }

  const set = (name: keyof Fields) => (value: string) => {
    setFields((current) => ({ ...current, [name]: value }))
    form.clear(name)
  }

  async function submit() {
    const input = { ...fields, language }
    const errors = errorsOf(FeedbackSubmission, input)
    if (Object.keys(errors).length > 0) {
      form.show(errors)
      return
    }
    setBusy(true)
    setFailure(null)
    const csrfToken = state.status === 'signedIn' ? state.session.csrfToken : undefined
    const result = await sendFeedback(input, photos, csrfToken, language)
    setBusy(false)
    if (result.ok) setReceipt(result.value)
    else if (Object.keys(result.error.fields).length > 0)
      form.show(
        result.error.fields,
        result.error.code === ErrorCode.ValidationFailed ? null : result.error.message || null,
      )
    else setFailure(result.error)
  }

  if (receipt)
    return (
      <ServicePage title={title}>
        <FeedbackSent receipt={receipt} phone={fields.phone} />
      </ServicePage>
    )

  const provinceOptions =
    provinces.status === 'ok'
      ? provinces.data.items.map((unit) => ({ value: unit.code, label: unit.fullName }))
      : []
  // One empty photo field after those chosen, until there are three.
  const shown = photos.length < MAX_FEEDBACK_ATTACHMENTS ? [...photos, undefined] : photos

  return (
    <ServicePage title={title} intro={t('feedback.intro')}>
      <p className="reg-note">
        <Link to={feedbackStatusPath}>{t('feedback.lookUpLink')}</Link>
      </p>
      <FormErrorSummary form={form} labels={labels} />
      <FailureAlert failure={failure} />
      <CheckedForm onSubmit={() => void submit()}>
        <SelectField
          name="category"
          label={labels.category ?? ''}
          value={fields.category}
          options={feedbackCategories.map((value) => ({ value, label: t(`feedback.categories.${value}`) }))}
          placeholder={t('feedback.chooseCategory')}
          error={form.first('category')}
          onChange={set('category')}
        />
        <TextAreaField
          name="content"
          label={labels.content ?? ''}
          hint={t('feedback.contentHint')}
          rows={8}
          maxLength={FEEDBACK_CONTENT_MAX}
          value={fields.content}
          error={form.first('content')}
          onChange={set('content')}
        />
        {shown.map((photo, index) => (
          <PhotoField
            // The document's look and the back camera suit a paper, a card or a screen.
            kind="birthCertificate"
            // biome-ignore lint/suspicious/noArrayIndexKey: a photo's place is its identity in the form
            key={index}
            name={`attachments.${index}`}
            label={labels[`attachments.${index}`]}
            hint={index === 0 ? t('feedback.photosHint', { count: MAX_FEEDBACK_ATTACHMENTS }) : ''}
            required={false}
            photo={photo}
            error={
              refused && index === photos.length
                ? t(`registration.photos.errors.${refused}`)
                : form.first(`attachments.${index}`)
            }
            errorIsFresh={refused !== undefined}
            onPick={(file) =>
              void checkPhoto(file, 'birthCertificate').then((checked) => {
                if (!checked.ok) {
                  setRefused(checked.problem)
                  return
                }
                setRefused(undefined)
                form.clear('attachments')
                setPhotos((current) => {
                  const next = [...current]
                  next[index] = checked.photo
                  return next
                })
              })
            }
            onRemove={() => setPhotos((current) => current.filter((_, at) => at !== index))}
          />
        ))}
        <fieldset className="reg-fieldset">
          <legend className="reg-fieldset__legend">{t('feedback.contactLegend')}</legend>
          <TextField
            name="fullName"
            label={labels.fullName ?? ''}
            value={fields.fullName}
            error={form.first('fullName')}
            autoComplete="name"
            maxLength={100}
            onChange={set('fullName')}
          />
          <TextField
            name="phone"
            label={labels.phone ?? ''}
            hint={t('feedback.phoneHint')}
            value={fields.phone}
            {...phoneInput}
            error={form.first('phone')}
            onChange={set('phone')}
          />
          <TextField
            name="email"
            label={labels.email ?? ''}
            hint={t('feedback.emailHint')}
            value={fields.email}
            type="email"
            autoComplete="email"
            error={form.first('email')}
            onChange={set('email')}
          />
          <SelectField
            name="provinceCode"
            label={labels.provinceCode ?? ''}
            hint={t('feedback.provinceHint')}
            value={fields.provinceCode}
            options={provinceOptions}
            placeholder={
              provinces.status === 'loading' ? t('registration.address.loading') : t('feedback.nationwide')
            }
            error={form.first('provinceCode')}
            onChange={set('provinceCode')}
          />
        </fieldset>
        <SubmitRow busy={busy} label={t('feedback.submit')} busyLabel={t('feedback.sending')} />
      </CheckedForm>
    </ServicePage>
  )
}

/** After sending: the tracking code to keep, where it went, and the way to the look-up. */
function FeedbackSent({ receipt, phone }: { receipt: FeedbackReceipt; phone: string }) {
  const { t } = useTranslation()
  return (
    <DoneSection
      titleId="feedback-sent-title"
      title={t('feedback.sent')}
      hero={<DossierNumber value={receipt.code} label={t('feedback.code')} />}
      next={{ to: feedbackStatusPath, state: { code: receipt.code, phone }, label: t('feedback.lookUp') }}
    >
      <p className="reg-note">{t('feedback.sentOffice', { office: receipt.office.name })}</p>
      <p className="reg-note">{t('feedback.sentNext')}</p>
    </DoneSection>
  )
}
