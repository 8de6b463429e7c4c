import type { NewsImage } from '@ansinh/domain'
import { type ChangeEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFailureMessage } from '../session/failure-message'
import { useLanguage, useStaff } from '../session/session'
import { Field } from '../shared/field'
import { NEWS_IMAGE_MAX_BYTES, newsImageAccept, uploadNewsImage } from './api'

/**
 * "Ảnh đại diện": a file picker that uploads at once and shows the picture, "Bỏ ảnh đại diện", and
 * "Mô tả ảnh", required with a picture, which takes focus after an upload. The inputs are named
 * `coverImageKey` and `coverAlt`, as the draft's fields, so the form can focus the one in error.
 */
export function CoverField({
  imageKey,
  src,
  alt,
  errors,
  onImage,
  onRemove,
  onAltChange,
  onUploading,
}: {
  imageKey: string | null
  src: string | null
  alt: string
  errors: { coverImageKey?: string | undefined; coverAlt?: string | undefined }
  onImage: (image: NewsImage) => void
  onRemove: () => void
  onAltChange: (alt: string) => void
  /** While an upload runs, saving would leave the new picture out. */
  onUploading: (uploading: boolean) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const failureMessage = useFailureMessage()
  const [uploading, setUploading] = useState(false)
  const [refused, setRefused] = useState<string | null>(null)
  const altField = useRef<HTMLInputElement>(null)
  const focusAlt = useRef(false)

  useEffect(() => {
    if (!focusAlt.current || !imageKey) return
    focusAlt.current = false
    altField.current?.focus()
  }, [imageKey])

  async function onChosen(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget
    const file = input.files?.[0]
    if (!file) return
    if (file.size > NEWS_IMAGE_MAX_BYTES) {
      setRefused(t('news.fields.imageTooLarge'))
      input.value = ''
      return
    }
    setRefused(null)
    setUploading(true)
    onUploading(true)
    const result = await uploadNewsImage(file, staff.csrfToken, language)
    setUploading(false)
    onUploading(false)
    // Emptied, so that choosing the same file again (after a refusal) uploads again.
    input.value = ''
    if (result.ok) {
      // The description is required with a picture: it comes next.
      focusAlt.current = true
      onImage(result.value)
    } else {
      setRefused(result.error.fields.image?.join(' ') ?? failureMessage(result.error))
    }
  }

  return (
    <div className="news-editor__cover">
      <Field
        label={t('news.fields.cover')}
        hint={imageKey ? t('news.fields.coverReplaceHint') : t('news.fields.imageHint')}
        error={[errors.coverImageKey, refused].filter(Boolean).join(' ') || null}
        alert
      >
        {(control) => (
          <input
            {...control}
            name="coverImageKey"
            type="file"
            accept={newsImageAccept}
            onChange={(event) => void onChosen(event)}
            disabled={uploading}
          />
        )}
      </Field>
      {uploading && (
        <p role="status" className="staff-loading">
          {t('news.fields.uploading')}
        </p>
      )}
      {imageKey && (
        <>
          <figure className="news-editor__thumb">
            {src && <img src={src} alt={alt} />}
            <figcaption>{t('news.fields.coverChosen')}</figcaption>
          </figure>
          <button type="button" className="staff-link-button" onClick={onRemove}>
            {t('news.fields.removeCover')}
          </button>
          <Field
            label={t('news.fields.coverAlt')}
            hint={t('news.fields.coverAltHint')}
            error={errors.coverAlt}
          >
            {(control) => (
              <input
                {...control}
                ref={altField}
                name="coverAlt"
                value={alt}
                onChange={(event) => onAltChange(event.target.value)}
                maxLength={200}
                autoComplete="off"
                required
                aria-required="true"
              />
            )}
          </Field>
        </>
      )}
    </div>
  )
}
