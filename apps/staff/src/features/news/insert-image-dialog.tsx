import type { NewsImage } from '@ansinh/domain'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFailureMessage } from '../session/failure-message'
import { useLanguage, useStaff } from '../session/session'
import { Field } from '../shared/field'
import { ErrorAlert } from '../shared/status'
import { useModalDialog } from '../shared/use-modal-dialog'
import { NEWS_IMAGE_MAX_BYTES, newsImageAccept, uploadNewsImage } from './api'

/**
 * "Chèn ảnh": the description first (an image in an article needs one for those who cannot see it),
 * then the file; uploads it and hands both to the page, which puts `![mô tả](url)` at the cursor.
 */
export function InsertImageDialog({
  onInsert,
  onClose,
}: {
  onInsert: (description: string, image: NewsImage) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const failureMessage = useFailureMessage()
  const dialog = useModalDialog()
  const descriptionField = useRef<HTMLInputElement>(null)
  const fileField = useRef<HTMLInputElement>(null)
  const [description, setDescription] = useState('')
  const [errors, setErrors] = useState<{ description?: string; image?: string }>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const titleId = useId()

  useEffect(() => {
    descriptionField.current?.focus()
  }, [])

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    // React's events bubble through a portal: this must not also submit the article's form.
    event.stopPropagation()
    if (busy) return
    const file = fileField.current?.files?.[0]
    const next = {
      description: description.trim() ? undefined : t('news.insertImage.descriptionRequired'),
      image: !file
        ? t('news.insertImage.fileRequired')
        : file.size > NEWS_IMAGE_MAX_BYTES
          ? t('news.fields.imageTooLarge')
          : undefined,
    }
    setErrors(next)
    setFailure(null)
    if (next.description) descriptionField.current?.focus()
    else if (next.image) fileField.current?.focus()
    if (next.description || next.image || !file) return

    setBusy(true)
    const result = await uploadNewsImage(file, staff.csrfToken, language)
    setBusy(false)
    if (result.ok) {
      onInsert(description, result.value)
      return
    }
    const refused = result.error.fields.image?.join(' ')
    if (refused) {
      setErrors({ image: refused })
      fileField.current?.focus()
    } else {
      setFailure(failureMessage(result.error))
    }
  }

  return (
    <dialog ref={dialog} className="staff-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form className="staff-dialog__form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <h2 id={titleId} className="staff-dialog__title">
          {t('news.insertImage.title')}
        </h2>
        <Field
          label={t('news.fields.coverAlt')}
          hint={t('news.insertImage.descriptionHint')}
          error={errors.description}
        >
          {(control) => (
            <input
              {...control}
              ref={descriptionField}
              name="description"
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              maxLength={200}
              autoComplete="off"
              required
              aria-required="true"
            />
          )}
        </Field>
        <Field label={t('news.insertImage.file')} hint={t('news.fields.imageHint')} error={errors.image}>
          {(control) => (
            <input {...control} ref={fileField} name="image" type="file" accept={newsImageAccept} required />
          )}
        </Field>
        {busy && (
          <p role="status" className="staff-loading">
            {t('news.fields.uploading')}
          </p>
        )}
        {failure && <ErrorAlert>{failure}</ErrorAlert>}
        <div className="staff-actions">
          <button type="submit" className="as-button as-button--primary" disabled={busy}>
            {t('news.insertImage.submit')}
          </button>
          <button
            type="button"
            className="as-button as-button--secondary"
            onClick={() => dialog.current?.close()}
          >
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
