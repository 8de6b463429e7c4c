import { checkChosenPhoto, type DossierDetail, DossierFileKind, type DossierFileView } from '@ansinh/domain'
import { type ChangeEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFailureMessage } from '../session/failure-message'
import { useLanguage, useStaff } from '../session/session'
import { dateTime } from '../shared/format'
import { addDossierFile, dossierFileUrl } from './dossier-files-api'
import { PhotoViewer } from './photo-viewer'

type Status = { kind: 'working' | 'success' | 'error' | 'conflict'; message: string } | null

// What the file input offers; the browser check and the server accept WebP too.
const accept = 'image/jpeg,image/png,image/heic,image/heif,.heic,.heif'

/**
 * The dossier's photos and scans: the current ones, each replaceable, a scan to attach, and the
 * replaced ones kept for the record. Only the reviewer who holds the pending dossier may change them.
 */
export function DossierFiles({
  dossier,
  canChange,
  onChanged,
  onReload,
}: {
  dossier: DossierDetail
  /** The signed-in reviewer holds the dossier and it is still pending. */
  canChange: boolean
  onChanged: (dossier: DossierDetail) => void
  onReload: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const failureMessage = useFailureMessage()
  const input = useRef<HTMLInputElement>(null)
  // A ref, not state: the file dialog answers before a re-render would have carried the new value.
  const target = useRef<DossierFileKind | null>(null)
  const [status, setStatus] = useState<Status>(null)
  const [viewing, setViewing] = useState<DossierFileView | null>(null)
  const working = status?.kind === 'working'
  const current = dossier.photos.filter((photo) => photo.replacedAt === null)
  const replaced = dossier.photos.filter(
    (photo): photo is DossierFileView & { replacedAt: string } => photo.replacedAt !== null,
  )

  const kindName = (kind: DossierFileKind) => t(`dossier.photoKinds.${kind}`)
  // Several scans, and replaced photos, share a kind: their time tells them apart.
  const label = (photo: DossierFileView) =>
    photo.replacedAt
      ? t('dossierFiles.replacedLabel', { name: kindName(photo.kind), at: dateTime(photo.replacedAt) })
      : photo.kind === DossierFileKind.Scan
        ? t('dossierFiles.scanLabel', { name: kindName(photo.kind), at: dateTime(photo.addedAt) })
        : kindName(photo.kind)

  function choose(kind: DossierFileKind) {
    target.current = kind
    input.current?.click()
  }

  async function onChosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    event.target.value = '' // the same file may be chosen again after a refusal
    const kind = target.current
    if (!file || !kind) return
    const checked = await checkChosenPhoto(file)
    if (!checked.ok) {
      setStatus({ kind: 'error', message: t(`dossierFiles.problems.${checked.problem}`) })
      return
    }
    setStatus({ kind: 'working', message: t('dossierFiles.uploading') })
    const result = await addDossierFile(dossier, kind, file, staff.csrfToken, language)
    if (result.ok) {
      onChanged(result.value)
      setStatus({
        kind: 'success',
        message: t(kind === DossierFileKind.Scan ? 'dossierFiles.attached' : 'dossierFiles.replaced'),
      })
      return
    }
    const { error } = result
    // The server words a refused file itself, for the field it came in.
    const refusal = error.status === 413 ? t('dossierFiles.problems.tooLarge') : error.fields.file?.[0]
    setStatus({
      kind: error.status === 409 ? 'conflict' : 'error',
      message: refusal ?? failureMessage(error),
    })
  }

  const thumbnail = (photo: DossierFileView) => (
    <button
      type="button"
      className="staff-photos__thumb"
      onClick={() => setViewing(photo)}
      aria-label={t('detail.openPhoto', { name: label(photo) })}
    >
      <img src={dossierFileUrl(dossier.id, photo.id, 'thumbnail')} alt="" loading="lazy" />
      <span>{kindName(photo.kind)}</span>
    </button>
  )
  const addedBy = (photo: DossierFileView) =>
    photo.addedBy
      ? t('dossierFiles.addedBy', { name: photo.addedBy, at: dateTime(photo.addedAt) })
      : t('dossierFiles.fromPerson', { at: dateTime(photo.addedAt) })

  return (
    <section aria-labelledby="detail-photos" className="staff-card">
      <h2 id="detail-photos">{t('detail.photos')}</h2>
      <ul className="staff-photos">
        {current.map((photo) => (
          <li key={photo.id} className="staff-photos__item">
            {thumbnail(photo)}
            {photo.addedBy && <p className="staff-photos__meta">{addedBy(photo)}</p>}
            {photo.kind !== DossierFileKind.Scan && (
              <button
                type="button"
                className="as-button as-button--secondary"
                disabled={!canChange || working}
                aria-label={t('dossierFiles.replaceOne', { name: kindName(photo.kind) })}
                onClick={() => choose(photo.kind)}
              >
                {t('dossierFiles.replace')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="staff-actions">
        <button
          type="button"
          className="as-button as-button--secondary"
          disabled={!canChange || working}
          onClick={() => choose(DossierFileKind.Scan)}
        >
          {t('dossierFiles.attachScan')}
        </button>
      </div>
      {!canChange && dossier.status === 'pending' && (
        <p className="staff-field__hint">{t('dossierFiles.takeFirst')}</p>
      )}
      {/* Opened by the buttons above, which say which photo it is for. */}
      <input ref={input} type="file" accept={accept} hidden onChange={(event) => void onChosen(event)} />
      <div
        role={status?.kind === 'error' || status?.kind === 'conflict' ? 'alert' : 'status'}
        className={status ? `staff-notice staff-notice--${status.kind}` : 'staff-notice--empty'}
      >
        {status && (
          <>
            <p>{status.message}</p>
            {status.kind === 'conflict' && (
              <button
                type="button"
                className="as-button as-button--secondary"
                onClick={() => {
                  setStatus(null)
                  onReload()
                }}
              >
                {t('detail.reload')}
              </button>
            )}
          </>
        )}
      </div>
      {replaced.length > 0 && (
        <details className="staff-photos__replaced">
          <summary>{t('dossierFiles.replacedTitle', { count: replaced.length })}</summary>
          <ul className="staff-photos">
            {replaced.map((photo) => (
              <li key={photo.id} className="staff-photos__item">
                {thumbnail(photo)}
                <p className="staff-photos__meta">{addedBy(photo)}</p>
                <p className="staff-photos__meta">
                  {t('dossierFiles.replacedAt', { at: dateTime(photo.replacedAt) })}
                </p>
              </li>
            ))}
          </ul>
        </details>
      )}
      {viewing && (
        <PhotoViewer
          src={dossierFileUrl(dossier.id, viewing.id, 'full')}
          label={label(viewing)}
          onClose={() => setViewing(null)}
        />
      )}
    </section>
  )
}
