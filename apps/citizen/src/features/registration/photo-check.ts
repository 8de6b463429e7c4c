import { ImageType, MAX_PHOTO_BYTES, type PhotoKind, sniffImageType } from '@ansinh/domain'
import type { DraftPhoto } from './draft'

export type PhotoProblem = 'tooLarge' | 'notAnImage' | 'unreadable'
export type PhotoCheck = { ok: true; photo: DraftPhoto } | { ok: false; problem: PhotoProblem }

const extensions: Record<string, string> = {
  [ImageType.Jpeg]: 'jpg',
  [ImageType.Png]: 'png',
  [ImageType.Webp]: 'webp',
  [ImageType.Heic]: 'heic',
}

/**
 * The browser's own check of a chosen photo, before it is kept: size, and the real type from its first
 * bytes (a renamed text file is refused here, at once, not after the upload). The server checks again.
 */
export async function checkPhoto(file: File, kind: PhotoKind): Promise<PhotoCheck> {
  if (file.size > MAX_PHOTO_BYTES) return { ok: false, problem: 'tooLarge' }
  let head: Uint8Array
  try {
    head = new Uint8Array(await file.slice(0, 16).arrayBuffer())
  } catch {
    return { ok: false, problem: 'unreadable' }
  }
  const type = sniffImageType(head)
  if (type === null) return { ok: false, problem: 'notAnImage' }
  // Some camera apps hand over a file without a name.
  const name = file.name || `${kind}.${extensions[type] ?? 'jpg'}`
  return { ok: true, photo: { blob: file, name, type } }
}
