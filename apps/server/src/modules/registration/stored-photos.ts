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
import { PhotoRejected, type ProcessedPhoto, processPhoto } from './photos'

/** How long a stored photo waits to be claimed (by its request, or its dossier row) before it is deleted. */
const STAGED_FILE_GRACE_MS = 2 * 60 * 60_000

/** A photo as it arrived: the bytes, or `tooLarge` when the upload was cut at the size limit. */
export type SubmittedPhoto = Buffer | 'tooLarge'
export type SubmittedPhotos = Partial<Record<PhotoKind, SubmittedPhoto>>

/** The encrypted files of one photo and what its row says of them. */
export type StoredPhoto = Omit<RequestPhoto, 'kind'>

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
      const checked = await checkPhoto(photos[kind])
      if (checked.ok) return { kind, photo: checked.photo }
      fields[`photos.${kind}`] = [checked.message]
      return null
    }),
  )
  if (Object.keys(fields).length > 0)
    throw new DomainError(ErrorCode.ValidationFailed, 'photos refused', { fields })
  const stored: RequestPhoto[] = []
  for (const item of processed)
    if (item) stored.push({ kind: item.kind, ...(await stagePhoto(deps, item.photo)) })
  return stored
}

/** One photo checked and re-encoded, or the message of its refusal (`photoErrorsVi`) for its field. */
export async function checkPhoto(
  bytes: SubmittedPhoto | undefined,
): Promise<{ ok: true; photo: ProcessedPhoto } | { ok: false; message: string }> {
  if (bytes === undefined) return { ok: false, message: photoErrorsVi.missing }
  if (bytes === 'tooLarge') return { ok: false, message: photoErrorsVi.tooLarge }
  try {
    return { ok: true, photo: await processPhoto(bytes) }
  } catch (error) {
    if (error instanceof PhotoRejected) return { ok: false, message: photoErrorsVi[error.reason] }
    throw error
  }
}

/** One photo checked, re-encoded and staged; refused under `field` with the reason otherwise. */
export async function storePhoto(
  deps: Pick<Deps, 'files' | 'database' | 'clock'>,
  bytes: SubmittedPhoto | undefined,
  field: string,
): Promise<StoredPhoto> {
  const checked = await checkPhoto(bytes)
  if (!checked.ok)
    throw new DomainError(ErrorCode.ValidationFailed, 'photo refused', {
      fields: { [field]: [checked.message] },
    })
  return stagePhoto(deps, checked.photo)
}

/**
 * Stores a photo and its thumbnail encrypted, staged: each file is scheduled for deletion as soon as it
 * exists, and the transaction that saves the row referring to it unschedules it (`keepFiles`). A
 * failure or a crash before that leaves nothing for ever.
 */
export async function stagePhoto(
  deps: Pick<Deps, 'files' | 'database' | 'clock'>,
  photo: ProcessedPhoto,
): Promise<StoredPhoto> {
  const { jpeg, thumbnail, width, height, sha256 } = photo
  const fileId = await deps.files.put(jpeg)
  const thumbnailFileId = await deps.files.put(thumbnail)
  const stagedUntil = new Date(deps.clock().getTime() + STAGED_FILE_GRACE_MS)
  await scheduleFileDeletions(deps.database.db, [fileId, thumbnailFileId], stagedUntil)
  return { fileId, thumbnailFileId, width, height, bytes: jpeg.length, sha256 }
}

/** The encrypted files of some photos, e.g. to keep or delete them together. */
export function photoFileIds(photos: StoredPhoto[]): string[] {
  return photos.flatMap((photo) => [photo.fileId, photo.thumbnailFileId])
}

/** Staged photos whose transaction failed: their files go now (or, failing that, with the job). */
export async function discardStagedPhotos(deps: FileDeletionDeps, photos: StoredPhoto[]): Promise<void> {
  await scheduleFileDeletions(deps.database.db, photoFileIds(photos), deps.clock())
  await deleteReleasedFiles(deps)
}

/** Deletes now whatever is due, the files just released included (the job retries any failure). */
export async function deleteReleasedFiles(deps: FileDeletionDeps): Promise<void> {
  await drainFileDeletions(deps).catch((error: unknown) =>
    deps.log?.warn({ err: error }, 'file deletion deferred'),
  )
}
