import { type DossierDetail, DossierFileKind } from '@ansinh/domain'
import type { Deps } from '../../app'
import { notFound } from '../../platform/errors'
import { keepFiles } from '../../platform/file-deletions'
import { recordAudit } from '../audit/service'
import type { StaffActor } from '../identity/staff-actor'
import { appendEvent } from '../registration/repo'
import {
  discardStagedPhotos,
  photoFileIds,
  type SubmittedPhoto,
  storePhoto,
} from '../registration/stored-photos'
import { changedMeanwhile, heldForChange } from './conflicts'
import { findDossierInReach, insertPhoto, markPhotoReplaced, updateDossierAt } from './repo'
import { presentDetail } from './view-dossiers'

/**
 * The reviewer replaces a photo of the dossier they hold (a sharper ID photo taken at the counter)
 * or attaches a scan (the signed declaration, a supporting paper). The file goes through the checks
 * and re-encoding of the person's own photos and is stored encrypted; the photo it replaces stays,
 * marked, so the history shows what each decision was made on. The history says `photo_replaced`
 * when a photo was replaced, `file_attached` for a scan or a photo of a kind the dossier lacked.
 */

export type DossierFileUpload = {
  kind: DossierFileKind
  /** The dossier version the reviewer saw. */
  version: number
  file: SubmittedPhoto | undefined
}

export async function addDossierFile(
  deps: Deps,
  staff: StaffActor,
  id: number,
  upload: DossierFileUpload,
): Promise<DossierDetail> {
  const db = deps.database.db
  // Checked before the costly decoding too: someone who may not change the dossier learns nothing
  // about their file, and a stale page is told so at once.
  heldForChange(await findDossierInReach(db, id, staff.reach), staff, upload.version)
  const stored = await storePhoto(deps, upload.file, 'file')
  return db
    .transaction(async (tx) => {
      const dossier = heldForChange(
        await findDossierInReach(tx, id, staff.reach, { lock: true }),
        staff,
        upload.version,
      )
      const now = deps.clock()
      if (!(await updateDossierAt(tx, id, dossier.version, { updatedAt: now }))) throw changedMeanwhile()
      const replacedId =
        upload.kind === DossierFileKind.Scan ? null : await markPhotoReplaced(tx, id, upload.kind, now)
      const photoId = await insertPhoto(tx, {
        dossierId: id,
        kind: upload.kind,
        addedBy: staff.id,
        ...stored,
      })
      await keepFiles(tx, photoFileIds([stored]))
      const detail = { kind: upload.kind, photoId, ...(replacedId === null ? {} : { replacedId }) }
      await appendEvent(tx, {
        dossierId: id,
        kind: replacedId === null ? 'file_attached' : 'photo_replaced',
        at: now,
        actorKind: 'staff',
        actorId: staff.id,
        detail,
      })
      await recordAudit(tx, {
        actor: staff,
        action: 'dossier.file_add',
        recordType: 'dossier',
        recordId: id,
        detail,
      })
      const changed = await findDossierInReach(tx, id, staff.reach)
      if (!changed) throw notFound('dossier')
      return presentDetail(tx, changed)
    })
    .catch(async (error: unknown) => {
      await discardStagedPhotos(deps, [stored])
      throw error
    })
}
