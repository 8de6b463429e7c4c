import {
  addDays,
  DossierCondition,
  DossierKind,
  DossierStatus,
  ErrorCode,
  foldVietnamese,
  formatDossierNumber,
  type RegistrationConfirmed,
  type RegistrationForm,
  todayInVietnam,
  yyyymmOf,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import { type Executor, violatedUniqueConstraint } from '../../db/client'
import { DomainError, notFound } from '../../platform/errors'
import { scheduleFileDeletions } from '../../platform/file-deletions'
import { isUuid } from '../../platform/ids'
import { checkOtp, consumeOtp } from '../identity/otp'
import { queueMessage, queueOptionsFrom } from '../notify/service'
import { dossierOffice } from './dossier-office'
import {
  appendEvent,
  asPaperDossier,
  deletePhotos,
  erasePersonalData,
  findDossierById,
  findPendingDossier,
  findRequest,
  insertDossier,
  insertPhotos,
  moveDossier,
  nextDossierSequence,
  type PaperDossier,
  type RegistrationRequest,
  updateRequest,
  verifiedContact,
} from './repo'
import { deleteReleasedFiles } from './stored-photos'
import { checkRules, pendingElsewhere, sameVerifiedContact } from './submit-registration'

/** A confirmed request is kept this long, so that a retried confirmation finds its dossier. */
const CONFIRMED_REQUEST_LIFETIME_MS = 24 * 60 * 60_000

/**
 * Step two: the OTP comes back. In one transaction the code is spent, a pending dossier for the same
 * BHXH code is replaced, the dossier, its photos and its first event are written and the "received"
 * message is queued: either all of it happens or none of it.
 */
export async function confirmRegistration(
  deps: Deps,
  id: string,
  otp: string,
): Promise<RegistrationConfirmed> {
  const db = deps.database.db
  const request = isUuid(id) ? await findRequest(db, id) : null
  if (!request || request.expiresAt <= deps.clock()) throw notFound('registration request')
  if (request.dossierId !== null) return presentConfirmed(deps, await confirmedDossier(db, request))
  const form = request.form as RegistrationForm
  await checkOtp(db, deps, request.otpChallengeId, otp)
  await checkRules(deps, form)
  const { dossier, replaced } = await db
    .transaction(async (tx) => {
      if (!(await consumeOtp(tx, deps, request.otpChallengeId))) return null
      return createDossier(tx, deps, request, form)
    })
    .catch(rethrowPendingConflict)
    .then((created) => created ?? raceLost(db, request.id))
  deps.kick()
  if (replaced) await deleteReleasedFiles(deps)
  return presentConfirmed(deps, dossier)
}

async function createDossier(tx: Executor, deps: Deps, request: RegistrationRequest, form: RegistrationForm) {
  const now = deps.clock()
  const replaced = await replacePending(tx, deps, form)
  const today = todayInVietnam(now)
  const inserted = await insertDossier(tx, {
    dossierNumber: formatDossierNumber(form.officeCode, yyyymmOf(today), await nextDossierSequence(tx)),
    kind: DossierKind.New,
    status: DossierStatus.Pending,
    condition: DossierCondition.AwaitingPaper,
    bhxhCode: form.bhxhCode,
    fullName: form.fullName,
    foldedName: foldVietnamese(form.fullName),
    idKind: form.idKind,
    idNumber: form.idNumber,
    addressCodeSet: form.address.codeSet,
    provinceCode: form.address.provinceCode,
    districtCode: form.address.districtCode ?? null,
    communeCode: form.address.communeCode,
    street: form.address.street,
    phone: form.phone,
    email: form.email ?? null,
    contactChannel: form.contactChannel,
    language: form.language,
    officeCode: form.officeCode,
    submittedAt: now,
    paperDeadline: addDays(today, deps.config.registrationPaperDays),
  })
  const dossier = asPaperDossier(inserted)
  await insertPhotos(tx, dossier.id, request.photos)
  await appendEvent(tx, { dossierId: dossier.id, kind: 'submitted', at: now, actorKind: 'citizen' })
  await queueReceived(tx, deps, dossier)
  await updateRequest(tx, request.id, {
    form: null,
    dossierId: dossier.id,
    expiresAt: new Date(now.getTime() + CONFIRMED_REQUEST_LIFETIME_MS),
  })
  return { dossier, replaced }
}

/**
 * One pending dossier per BHXH code: a newer submission replaces the older one, but only when it was
 * confirmed through the same phone (or e-mail) and the office has not received the papers yet.
 */
async function replacePending(tx: Executor, deps: Deps, form: RegistrationForm): Promise<boolean> {
  const pending = await findPendingDossier(tx, form.bhxhCode, { lock: true })
  if (!pending) return false
  if (pending.condition !== DossierCondition.AwaitingPaper || !sameVerifiedContact(pending, form))
    throw pendingElsewhere(pending.condition)
  const now = deps.clock()
  await moveDossier(
    tx,
    pending.id,
    { status: DossierStatus.Pending },
    { status: DossierStatus.Cancelled, updatedAt: now },
  )
  await appendEvent(tx, { dossierId: pending.id, kind: 'replaced', at: now, actorKind: 'citizen' })
  await erasePersonalData(tx, pending.id)
  await scheduleFileDeletions(tx, await deletePhotos(tx, pending.id), now)
  return true
}

async function queueReceived(tx: Executor, deps: Deps, dossier: PaperDossier) {
  const office = await dossierOffice(tx, dossier.officeCode)
  const variables = {
    dossierNumber: dossier.dossierNumber,
    officeName: office.name,
    ...(office.address ? { officeAddress: office.address } : {}),
    paperDeadline: dossier.paperDeadline,
  }
  await queueMessage(
    tx,
    {
      kind: 'dossier_received',
      language: dossier.language,
      variables,
      ...verifiedContact(dossier),
      dedupeKey: `dossier-received:${dossier.id}`,
    },
    queueOptionsFrom(deps, deps.recipientCounters),
  )
}

// A concurrent submission took the phone (or the BHXH code) between the check and the insert.
function rethrowPendingConflict(error: unknown): never {
  const constraint = violatedUniqueConstraint(error)
  if (constraint === 'dossiers_pending_phone_uq')
    throw new DomainError(ErrorCode.ValidationFailed, 'phone taken concurrently', {
      fields: { phone: ['Số điện thoại này đã được dùng cho một hồ sơ đăng ký khác.'] },
    })
  if (constraint === 'dossiers_pending_bhxh_code_uq') throw pendingElsewhere(DossierCondition.AwaitingPaper)
  throw error
}

/** Another request with the same code spent the OTP first: its dossier is the answer. */
async function raceLost(db: Executor, requestId: string) {
  const request = await findRequest(db, requestId)
  if (!request?.dossierId) throw new DomainError(ErrorCode.OtpExpired, 'otp consumed without a dossier')
  return { dossier: await confirmedDossier(db, request), replaced: false }
}

async function confirmedDossier(db: Executor, request: RegistrationRequest): Promise<PaperDossier> {
  const dossier = request.dossierId === null ? null : await findDossierById(db, request.dossierId)
  if (!dossier) throw notFound('dossier')
  return asPaperDossier(dossier)
}

export async function presentConfirmed(deps: Deps, dossier: PaperDossier): Promise<RegistrationConfirmed> {
  return {
    dossierNumber: dossier.dossierNumber,
    status: dossier.status,
    condition: dossier.condition,
    submittedAt: dossier.submittedAt.toISOString(),
    paperDeadline: dossier.paperDeadline,
    office: await dossierOffice(deps.database.db, dossier.officeCode),
  }
}
