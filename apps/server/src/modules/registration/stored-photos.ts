import {
  ErrorCode,
  type PhotoKind,
  photoErrorsVi,
  photoKinds,
  type RegistrationForm,
  requiredPhotoKinds,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import type { RequestPhoto } from '../../db/schema'
import { DomainError, type FieldErrors } from '../../platform/errors'
import {
  drainFileDeletions,
  type FileDeletionDeps,
  scheduleFileDeletions,
} from '../../platform/file-deletions'
import { PhotoRejected, processPhoto } from './photos'

/** How long a stored photo waits to be claimed by its request before it is deleted. */
const STAGED_FILE_GRACE_MS = 2 * 60 * 60_000

/** The photos as they arrived: the bytes, or `tooLarge` when the upload was cut at the size limit. */
export type SubmittedPhotos = Partial<Record<PhotoKind, Buffer | 'tooLarge'>>

/**
 * Checks and re-encodes every photo the form needs, reporting all refusals at once under
 * `photos.<kind>`, then stores them encrypted. On any failure nothing stays in the store.
 */
export async function storePhotos(
  deps: Pick<Deps, 'files' | 'database' | 'clock'>,
  form: RegistrationForm,
  photos: SubmittedPhotos,
): Promise<RequestPhoto[]> {
  const required = requiredPhotoKinds(form.idKind)
  const kinds = photoKinds.filter((kind) => required.includes(kind) || photos[kind] !== undefined)
  const fields: FieldErrors = {}
  const processed = await Promise.all(
    kinds.map(async (kind) => {
      const bytes = photos[kind]
      const refused = (message: string) => {
        fields[`photos.${kind}`] = [message]
        return null
      }
      if (bytes === undefined) return refused(photoErrorsVi.missing)
      if (bytes === 'tooLarge') return refused(photoErrorsVi.tooLarge)
      try {
        return { kind, photo: await processPhoto(bytes) }
      } catch (error) {
        if (error instanceof PhotoRejected) return refused(photoErrorsVi[error.reason])
        throw error
      }
    }),
  )
  if (Object.keys(fields).length > 0)
    throw new DomainError(ErrorCode.ValidationFailed, 'photos refused', { fields })
  const stored: RequestPhoto[] = []
  // Staged: each file is scheduled for deletion as soon as it exists; the transaction that saves the
  // request unschedules them (`keepFiles`). A failure or a crash before that leaves nothing for ever.
  const stagedUntil = new Date(deps.clock().getTime() + STAGED_FILE_GRACE_MS)
  for (const item of processed) {
    if (!item) continue
    const { jpeg, thumbnail, width, height, sha256 } = item.photo
    const fileId = await deps.files.put(jpeg)
    const thumbnailFileId = await deps.files.put(thumbnail)
    await scheduleFileDeletions(deps.database.db, [fileId, thumbnailFileId], stagedUntil)
    stored.push({ kind: item.kind, fileId, thumbnailFileId, width, height, bytes: jpeg.length, sha256 })
  }
  return stored
}

/** The encrypted files of some photos, e.g. to keep or delete them together. */
export function photoFileIds(photos: RequestPhoto[]): string[] {
  return photos.flatMap((photo) => [photo.fileId, photo.thumbnailFileId])
}

/** Deletes now whatever is due, the files just released included (the job retries any failure). */
export async function deleteReleasedFiles(deps: FileDeletionDeps): Promise<void> {
  await drainFileDeletions(deps).catch((error: unknown) =>
    deps.log?.warn({ err: error }, 'file deletion deferred'),
  )
}
