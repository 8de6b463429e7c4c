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
import { PhotoRejected, processPhoto } from './photos'

/** The photos as they arrived: the bytes, or `tooLarge` when the upload was cut at the size limit. */
export type SubmittedPhotos = Partial<Record<PhotoKind, Buffer | 'tooLarge'>>

/**
 * Checks and re-encodes every photo the form needs, reporting all refusals at once under
 * `photos.<kind>`, then stores them encrypted. On any failure nothing stays in the store.
 */
export async function storePhotos(
  deps: Pick<Deps, 'files'>,
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
  try {
    for (const item of processed) {
      if (!item) continue
      const { jpeg, thumbnail, width, height, sha256 } = item.photo
      const fileId = await deps.files.put(jpeg)
      const thumbnailFileId = await deps.files.put(thumbnail)
      stored.push({ kind: item.kind, fileId, thumbnailFileId, width, height, bytes: jpeg.length, sha256 })
    }
  } catch (error) {
    await removeFiles(deps, stored)
    throw error
  }
  return stored
}

export async function removeFiles(deps: Pick<Deps, 'files'>, photos: RequestPhoto[]): Promise<void> {
  await removeFileIds(
    deps,
    photos.flatMap((photo) => [photo.fileId, photo.thumbnailFileId]),
  )
}

export async function removeFileIds(deps: Pick<Deps, 'files'>, ids: string[]): Promise<void> {
  await Promise.all(ids.map((id) => deps.files.remove(id).catch(() => {})))
}
