import { addDays, DossierCondition, DossierStatus, todayInVietnam } from '@ansinh/domain'
import type { BaseLogger } from 'pino'
import type { Deps } from '../../app'
import {
  drainFileDeletions,
  type FileDeletionDeps,
  scheduleFileDeletions,
} from '../../platform/file-deletions'
import { deleteExpiredOtps } from '../identity/otp'
import { queueMessage, queueOptionsFrom } from '../notify/service'
import { dossierOffice } from './dossier-office'
import {
  appendEvent,
  asPaperDossier,
  deleteExpiredRequests,
  deletePhotos,
  erasePersonalData,
  listAwaitingPaper,
  moveDossier,
  type PaperDossier,
  verifiedContact,
} from './repo'
import { deleteReleasedFiles, photoFileIds } from './stored-photos'

type ExpiryDeps = Pick<Deps, 'database' | 'clock' | 'config' | 'files' | 'recipientCounters' | 'kick'> & {
  log?: BaseLogger
}

/**
 * Seed 002: "within 10 days of the declaration, if the person has not brought the papers to the
 * office, the electronic declaration is deleted automatically". The dossier row stays as `expired`
 * (its history must stand up in an audit), but its photos are deleted and the person is told.
 */
export async function expireOverdueDossiers(deps: ExpiryDeps): Promise<number> {
  const today = todayInVietnam(deps.clock())
  const expired = await forEachAwaitingPaper(deps, { before: today }, (dossier) =>
    expireDossier(deps, dossier),
  )
  if (expired > 0) {
    deps.kick()
    await deleteReleasedFiles(deps)
  }
  return expired
}

/** Days before the deadline the person is reminded to bring the papers. */
export const PAPER_REMINDER_DAYS_BEFORE = 2

/** A reminder, once per dossier, when its papers are due in two days (the deadline day included). */
export async function remindPaperDossiers(deps: ExpiryDeps): Promise<number> {
  const due = addDays(todayInVietnam(deps.clock()), PAPER_REMINDER_DAYS_BEFORE)
  const reminded = await forEachAwaitingPaper(deps, { on: due }, async (dossier) => {
    const office = await dossierOffice(deps.database.db, dossier.officeCode)
    const queued = await queueMessage(
      deps.database.db,
      {
        kind: 'paper_dossier_reminder',
        ...verifiedContact(dossier),
        language: dossier.language,
        variables: {
          dossierNumber: dossier.dossierNumber,
          officeName: office.name,
          ...(office.address ? { officeAddress: office.address } : {}),
          deadline: dossier.paperDeadline,
        },
        dedupeKey: `paper-reminder:${dossier.id}`,
      },
      queueOptionsFrom(deps, deps.recipientCounters),
    )
    return !queued.deduplicated
  })
  if (reminded > 0) deps.kick()
  return reminded
}

/**
 * Runs `handle` on each matching dossier in id-ordered batches. One dossier that fails (its message
 * over the recipient's limit, say) must not hold up the others: it is logged and tried next run.
 */
async function forEachAwaitingPaper(
  deps: ExpiryDeps,
  deadline: { before: string } | { on: string },
  handle: (dossier: PaperDossier) => Promise<boolean>,
  batchSize = 200,
): Promise<number> {
  let done = 0
  let afterId = 0
  for (;;) {
    const batch = await listAwaitingPaper(deps.database.db, deadline, afterId, batchSize)
    for (const dossier of batch) {
      const ok = await handle(asPaperDossier(dossier)).catch((error: unknown) => {
        deps.log?.warn(
          { err: error, dossierId: dossier.id },
          'a dossier job failed for one dossier; retried next run',
        )
        return false
      })
      if (ok) done += 1
    }
    afterId = batch.at(-1)?.id ?? afterId
    if (batch.length < batchSize) return done
  }
}

async function expireDossier(deps: ExpiryDeps, dossier: PaperDossier): Promise<boolean> {
  return deps.database.db.transaction(async (tx) => {
    const now = deps.clock()
    const moved = await moveDossier(
      tx,
      dossier.id,
      { status: DossierStatus.Pending, condition: DossierCondition.AwaitingPaper },
      { status: DossierStatus.Expired, updatedAt: now },
    )
    if (!moved) return false
    await appendEvent(tx, { dossierId: dossier.id, kind: 'expired', at: now, actorKind: 'system' })
    const office = await dossierOffice(tx, dossier.officeCode)
    await queueMessage(
      tx,
      {
        kind: 'dossier_expired',
        ...verifiedContact(dossier),
        language: dossier.language,
        variables: {
          dossierNumber: dossier.dossierNumber,
          officeName: office.name,
          deadline: dossier.paperDeadline,
        },
        dedupeKey: `dossier-expired:${dossier.id}`,
      },
      queueOptionsFrom(deps, deps.recipientCounters),
    )
    await erasePersonalData(tx, dossier.id)
    await scheduleFileDeletions(tx, await deletePhotos(tx, dossier.id), now)
    return true
  })
}

/**
 * Requests never confirmed are deleted with their photos, spent OTP challenges a day after expiry,
 * and every file whose deletion is due goes (including any an interrupted run left behind).
 */
export async function purgeAbandonedRegistrations(deps: FileDeletionDeps) {
  const now = deps.clock()
  const requests = await deps.database.db.transaction(async (tx) => {
    const photos = await deleteExpiredRequests(tx, now)
    await scheduleFileDeletions(tx, photoFileIds(photos), now)
    return photos.length
  })
  const otps = await deleteExpiredOtps(deps.database.db, new Date(now.getTime() - 24 * 60 * 60_000))
  const files = await drainFileDeletions(deps)
  return { photosOfAbandonedRequests: requests, otps, filesDeleted: files }
}
