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
import type { Executor } from '../../db/client'
import { DomainError, notFound } from '../../platform/errors'
import { isUuid } from '../../platform/ids'
import { officeWithParent } from '../directory/service'
import { checkOtp, consumeOtp } from '../identity/otp'
import { queueMessage, queueOptionsFrom } from '../notify/service'
import {
  appendEvent,
  type Dossier,
  deletePhotos,
  findDossierById,
  findPendingDossier,
  findRequest,
  insertDossier,
  insertPhotos,
  moveDossier,
  nextDossierSequence,
  type RegistrationRequest,
  updateRequest,
} from './repo'
import { removeFileIds } from './stored-photos'
import { checkRules } from './submit-registration'

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
  const { dossier, replacedFiles } = await db
    .transaction(async (tx) => {
      if (!(await consumeOtp(tx, deps, request.otpChallengeId))) return null
      return createDossier(tx, deps, request, form)
    })
    .catch(rethrowPendingConflict)
    .then((created) => created ?? raceLost(db, request.id))
  deps.kick()
  await removeFileIds(deps, replacedFiles)
  return presentConfirmed(deps, dossier)
}

async function createDossier(tx: Executor, deps: Deps, request: RegistrationRequest, form: RegistrationForm) {
  const now = deps.clock()
  const replacedFiles = await replacePending(tx, deps, form.bhxhCode)
  const today = todayInVietnam(now)
  const dossier = await insertDossier(tx, {
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
  await insertPhotos(tx, dossier.id, request.photos)
  await appendEvent(tx, { dossierId: dossier.id, kind: 'submitted', at: now, actorKind: 'citizen' })
  await queueReceived(tx, deps, dossier)
  await updateRequest(tx, request.id, {
    form: null,
    dossierId: dossier.id,
    expiresAt: new Date(now.getTime() + CONFIRMED_REQUEST_LIFETIME_MS),
  })
  return { dossier, replacedFiles }
}

/** One pending dossier per BHXH code: the newer submission cancels the older one and its photos. */
async function replacePending(tx: Executor, deps: Deps, bhxhCode: string): Promise<string[]> {
  const pending = await findPendingDossier(tx, bhxhCode)
  if (!pending) return []
  const now = deps.clock()
  await moveDossier(
    tx,
    pending.id,
    { status: DossierStatus.Pending },
    { status: DossierStatus.Cancelled, updatedAt: now },
  )
  await appendEvent(tx, { dossierId: pending.id, kind: 'replaced', at: now, actorKind: 'citizen' })
  return deletePhotos(tx, pending.id)
}

async function queueReceived(tx: Executor, deps: Deps, dossier: Dossier) {
  const office = await officeWithParent(tx, dossier.officeCode)
  const variables = {
    dossierNumber: dossier.dossierNumber,
    officeName: office?.name ?? dossier.officeCode,
    ...(office?.address ? { officeAddress: office.address } : {}),
    paperDeadline: dossier.paperDeadline,
  }
  const options = queueOptionsFrom(deps, deps.recipientCounters)
  const common = { kind: 'dossier_received' as const, language: dossier.language, variables }
  await queueMessage(
    tx,
    { ...common, channel: 'sms', to: dossier.phone, dedupeKey: `dossier-received:${dossier.id}:sms` },
    options,
  )
  if (dossier.contactChannel === 'email' && dossier.email)
    await queueMessage(
      tx,
      { ...common, channel: 'email', to: dossier.email, dedupeKey: `dossier-received:${dossier.id}:email` },
      options,
    )
}

// A concurrent submission took the phone (or the BHXH code) between the check and the insert.
function rethrowPendingConflict(error: unknown): never {
  const cause =
    (error as { cause?: { code?: string; constraint?: string } }).cause ??
    (error as { code?: string; constraint?: string })
  if (cause?.code === '23505' && cause.constraint === 'dossiers_pending_phone_uq')
    throw new DomainError(ErrorCode.ValidationFailed, 'phone taken concurrently', {
      fields: { phone: ['Số điện thoại này đã được dùng cho một hồ sơ đăng ký khác.'] },
    })
  if (cause?.code === '23505' && cause.constraint === 'dossiers_pending_bhxh_code_uq')
    throw new DomainError(ErrorCode.Conflict, 'bhxh code submitted concurrently')
  throw error
}

/** Another request with the same code spent the OTP first: its dossier is the answer. */
async function raceLost(db: Executor, requestId: string) {
  const request = await findRequest(db, requestId)
  if (!request?.dossierId) throw new DomainError(ErrorCode.OtpExpired, 'otp consumed without a dossier')
  return { dossier: await confirmedDossier(db, request), replacedFiles: [] }
}

async function confirmedDossier(db: Executor, request: RegistrationRequest): Promise<Dossier> {
  const dossier = request.dossierId === null ? null : await findDossierById(db, request.dossierId)
  if (!dossier) throw notFound('dossier')
  return dossier
}

export async function presentConfirmed(deps: Deps, dossier: Dossier): Promise<RegistrationConfirmed> {
  const office = await officeWithParent(deps.database.db, dossier.officeCode)
  return {
    dossierNumber: dossier.dossierNumber,
    status: dossier.status,
    condition: dossier.condition,
    submittedAt: dossier.submittedAt.toISOString(),
    paperDeadline: dossier.paperDeadline,
    office: {
      code: dossier.officeCode,
      name: office?.name ?? dossier.officeCode,
      address: office?.address ?? null,
      phone: office?.phone ?? null,
      openingHours: office?.openingHours ?? null,
    },
  }
}
