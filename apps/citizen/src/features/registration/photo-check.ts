import { checkChosenPhoto, ImageType, type PhotoProblem } from '@ansinh/domain'
import type { DraftPhoto } from './draft'
import type { PhotoFieldKind } from './photo-field'

export type { PhotoProblem }
export type PhotoCheck = { ok: true; photo: DraftPhoto } | { ok: false; problem: PhotoProblem }

const extensions: Record<string, string> = {
  [ImageType.Jpeg]: 'jpg',
  [ImageType.Png]: 'png',
  [ImageType.Webp]: 'webp',
  [ImageType.Heic]: 'heic',
}

/** The browser's check of a chosen photo (`checkChosenPhoto`), and the draft photo it becomes. */
export async function checkPhoto(file: File, kind: PhotoFieldKind): Promise<PhotoCheck> {
  const checked = await checkChosenPhoto(file)
  if (!checked.ok) return checked
  // Some camera apps hand over a file without a name.
  const name = file.name || `${kind}.${extensions[checked.type] ?? 'jpg'}`
  return { ok: true, photo: { blob: file, name, type: checked.type } }
}
