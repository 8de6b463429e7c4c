import { ImageType, type PhotoKind } from '@ansinh/domain'
import { type ChangeEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CameraIcon, FileIcon, FolderIcon, LineIcon } from '../../components/icons'
import type { DraftPhoto } from './draft'
import { describedBy, FieldError, FieldHint, fieldId } from './form-controls'
import { useObjectUrl } from './use-object-url'

/** The registration's photos, and the birth certificate of "Đăng ký tài khoản cho con". */
export type PhotoFieldKind = PhotoKind | 'birthCertificate'

type PhotoFieldProps = {
  kind: PhotoFieldKind
  /** The field's key in the server's `fields` (default `photos.<kind>`, as the registration sends them). */
  name?: string
  /** Title and hint, where the registration's texts for the kind do not apply. */
  label?: string
  hint?: string
  required: boolean
  photo: DraftPhoto | undefined
  error: string | undefined
  /** The error comes from the check just made on a picked file: announce it at once. */
  errorIsFresh: boolean
  onPick: (file: File) => void
  onRemove: () => void
}

/**
 * One photo: a preview, "Chụp ảnh" (opens the camera on a phone: the front one for the portrait, the
 * back one for the document) and "Chọn tệp" (the gallery or the file system). Both are file inputs
 * hidden behind their labels, so they work without any camera API and keep their accessible names.
 */
export function PhotoField({
  kind,
  name,
  label: ownLabel,
  hint,
  required,
  photo,
  error,
  errorIsFresh,
  onPick,
  onRemove,
}: PhotoFieldProps) {
  const { t } = useTranslation()
  const key = name ?? `photos.${kind}`
  const label = ownLabel ?? (kind === 'birthCertificate' ? '' : t(`registration.photos.kinds.${kind}`))
  const titleId = `${fieldId(key)}-title`
  const describe = describedBy(key, true, Boolean(error))

  function picked(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget
    const file = input.files?.[0]
    // Emptied so that choosing the same file again (after fixing it) is still a change.
    input.value = ''
    if (file) onPick(file)
  }

  return (
    <section className="reg-photo" aria-labelledby={titleId} data-invalid={error ? 'true' : undefined}>
      <div className="reg-photo__head">
        <h2 id={titleId} className="reg-photo__title">
          {label}
        </h2>
        <span className={required ? 'reg-badge' : 'reg-badge reg-badge--muted'}>
          {required ? t('registration.photos.required') : t('registration.photos.optional')}
        </span>
      </div>
      <FieldHint name={key}>
        {hint ?? (kind === 'birthCertificate' ? '' : t(`registration.photos.hints.${kind}`))}
      </FieldHint>
      <PhotoPreview photo={photo} alt={t('registration.photos.previewAlt', { label })} kind={kind} />
      <div className="reg-photo__actions">
        <input
          id={`${fieldId(key)}-camera`}
          className="as-visually-hidden reg-photo__input reg-photo__input--camera"
          type="file"
          accept="image/*"
          capture={kind === 'portrait' ? 'user' : 'environment'}
          aria-invalid={error ? true : undefined}
          aria-describedby={describe}
          data-testid={`photo-${kind}-camera`}
          onChange={picked}
        />
        <label
          htmlFor={`${fieldId(key)}-camera`}
          className="as-button as-button--secondary reg-photo__button reg-photo__camera"
        >
          <CameraIcon />
          {t('registration.photos.takePhoto')}
          <span className="as-visually-hidden"> – {label}</span>
        </label>
        <input
          id={fieldId(key)}
          className="as-visually-hidden reg-photo__input"
          type="file"
          accept="image/*,.heic,.heif"
          aria-invalid={error ? true : undefined}
          aria-describedby={describe}
          data-testid={`photo-${kind}-file`}
          onChange={picked}
        />
        <label htmlFor={fieldId(key)} className="as-button as-button--secondary reg-photo__button">
          <FolderIcon />
          {t('registration.photos.chooseFile')}
          <span className="as-visually-hidden"> – {label}</span>
        </label>
        {photo && !required ? (
          <button type="button" className="as-button as-button--ghost" onClick={onRemove}>
            {t('registration.photos.remove')}
            <span className="as-visually-hidden"> – {label}</span>
          </button>
        ) : null}
      </div>
      <FieldError name={key} message={error} live={errorIsFresh} />
    </section>
  )
}

/** The chosen picture, or a neutral tile with the file name where the browser cannot show it (HEIC). */
export function PhotoPreview({
  photo,
  alt,
  kind,
  compact = false,
}: {
  photo: DraftPhoto | undefined
  alt: string
  kind: PhotoFieldKind
  compact?: boolean
}) {
  const { t } = useTranslation()
  const url = useObjectUrl(photo?.type === ImageType.Heic ? undefined : photo?.blob)
  const [brokenUrl, setBrokenUrl] = useState<string>()
  const className = `reg-preview reg-preview--${kind}${compact ? ' reg-preview--compact' : ''}`
  if (!photo) {
    return (
      <div className={`${className} reg-preview--empty`}>
        <PhotoOutline kind={kind} />
        <span>{t('registration.photos.none')}</span>
      </div>
    )
  }
  if (photo.type === ImageType.Heic || (url !== undefined && brokenUrl === url)) {
    return (
      <div className={`${className} reg-preview--file`}>
        <FileIcon />
        <span className="reg-preview__name">{photo.name}</span>
        {compact ? null : <span className="reg-preview__note">{t('registration.photos.noPreview')}</span>}
      </div>
    )
  }
  return (
    <div className={className}>
      {url ? <img src={url} alt={alt} onError={() => setBrokenUrl(url)} /> : null}
    </div>
  )
}

function PhotoOutline({ kind }: { kind: PhotoFieldKind }) {
  return (
    <LineIcon viewBox="0 0 48 48">
      {kind === 'portrait' ? (
        <>
          <circle cx="24" cy="18" r="8" />
          <path d="M9 42c0-8.5 6.7-13.5 15-13.5S39 33.5 39 42" />
        </>
      ) : (
        <>
          <rect x="5" y="10" width="38" height="28" rx="4" />
          <circle cx="16" cy="22" r="4.5" />
          <path d="M9.5 33c1-3.5 3.5-5.5 6.5-5.5s5.5 2 6.5 5.5M27 19h10M27 25h10M27 31h6" />
        </>
      )}
    </LineIcon>
  )
}
