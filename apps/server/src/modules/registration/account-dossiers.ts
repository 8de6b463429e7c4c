import {
  type ChildRegistrationRequest,
  type ContactChangeRequest,
  DossierCondition,
  DossierKind,
  DossierStatus,
  ErrorCode,
  foldVietnamese,
  formatDossierNumber,
  type IdDocumentKind,
  namesMatch,
  PersonIdentifierKind,
  type StopRequest,
  todayInVietnam,
  yyyymmOf,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import { type Executor, violatedUniqueConstraint } from '../../db/client'
import { DomainError, type FieldErrors } from '../../platform/errors'
import { keepFiles } from '../../platform/file-deletions'
import { checkAddress, receivingOffice } from '../directory/service'
import { lockCitizenAccount } from '../identity/accounts'
import { queueInboxCopy, queueMessage, queueOptionsFrom } from '../notify/service'
import {
  contactDataOf,
  findPersonById,
  findPersonByPersonalId,
  type RegistryContact,
} from '../registry/service'
import { dossierOffice } from './dossier-office'
import {
  appendEvent,
  type Dossier,
  hasActiveAccount,
  insertDossier,
  insertPhotos,
  type NewDossier,
  nextDossierSequence,
  phoneTakenByOther,
  verifiedContact,
} from './repo'
import { photoFileIds, type StoredPhoto } from './stored-photos'

/**
 * Dossiers a signed-in person files from their account: a change of contact information and a stop
 * (seed 001, "điều chỉnh thông tin và ngừng sử dụng phương thức giao dịch điện tử") and a child's
 * account (seed 004, "đăng ký tài khoản cho con"). The account already proved who the person is, so
 * no paper form is due (`online`). The self-service screens call these after their OTP step; the
 * back-office decides them in `review/`.
 */

/**
 * Runs in the filing's transaction once the dossier is written: the OTP that authorised it is spent
 * there, so the code and the dossier commit together or not at all.
 */
export type FilingStep = (tx: Executor) => Promise<void>

export async function fileContactChange(
  deps: Deps,
  accountId: number,
  request: ContactChangeRequest,
  finish?: FilingStep,
): Promise<Dossier> {
  if (request.address) await assertKnownAddress(deps, request.address)
  return fileFromAccount(deps, accountId, request.officeCode, finish, async (tx, holder) => {
    const current = contactOf(holder)
    if (request.phone && request.phone !== holder.phone && holder.bhxhCode)
      if (await phoneTakenByOther(tx, request.phone, holder.bhxhCode))
        throw invalid({
          phone: [
            'Số điện thoại này đã được dùng cho một tài khoản khác. Mỗi số điện thoại chỉ dùng cho một tài khoản.',
          ],
        })
    const address = request.address
    return {
      dossier: {
        kind: DossierKind.Change,
        ...identityOf(holder),
        phone: request.phone ?? current.phone,
        email: request.email === undefined ? current.email : request.email,
        ...(address
          ? {
              addressCodeSet: address.codeSet,
              provinceCode: address.provinceCode,
              districtCode: address.districtCode ?? null,
              communeCode: address.communeCode,
              street: address.street,
            }
          : current.address),
        previousContact: contactDataOf(holder),
      },
    }
  })
}

export async function fileStopRequest(
  deps: Deps,
  accountId: number,
  request: StopRequest,
  finish?: FilingStep,
): Promise<Dossier> {
  return fileFromAccount(deps, accountId, request.officeCode, finish, async (_tx, holder) => ({
    dossier: {
      kind: DossierKind.Stop,
      ...identityOf(holder),
      ...contactOf(holder).address,
      phone: contactOf(holder).phone,
      email: holder.email,
      requestNote: request.reason,
    },
  }))
}

/**
 * A parent (or guardian) asks for an account for their child, by the child's BHXH code or personal ID;
 * the birth certificate photo, already checked and stored encrypted, goes with it. Messages go to the
 * parent's contact.
 */
export async function fileChildRegistration(
  deps: Deps,
  parentAccountId: number,
  request: ChildRegistrationRequest,
  birthCertificate: StoredPhoto,
): Promise<Dossier> {
  const child = await childOf(deps.database.db, request)
  if (await hasActiveAccount(deps.database.db, child.bhxhCode))
    throw new DomainError(ErrorCode.Conflict, 'child already has an account', {
      fields: {
        identifier: [
          child.idKind
            ? 'Trẻ có số định danh cá nhân này đã có tài khoản giao dịch điện tử.'
            : 'Mã số BHXH này đã có tài khoản giao dịch điện tử.',
        ],
      },
    })
  return fileFromAccount(deps, parentAccountId, request.officeCode, undefined, async (_tx, parent) => ({
    dossier: {
      kind: DossierKind.Child,
      ...child,
      fullName: request.fullName,
      foldedName: foldVietnamese(request.fullName),
      ...contactOf(parent).address,
      phone: contactOf(parent).phone,
      email: parent.email,
    },
    photos: [{ ...birthCertificate, kind: 'birthCertificate' }],
  }))
}

/**
 * The BHXH code a child's dossier is filed under. A BHXH code is taken as typed: the office checks it
 * against the registry when it decides. A personal ID is resolved here, and only when the registry
 * holds that ID under the typed name (the rule review's `namesMatch` applies); an unknown ID and a
 * name that does not fit answer alike, so the parent learns nothing beyond the facts they typed. The
 * dossier keeps the ID beside the code it resolved to, so the office sees both.
 */
async function childOf(
  db: Executor,
  request: ChildRegistrationRequest,
): Promise<{ bhxhCode: string; idKind: IdDocumentKind | null; idNumber: string | null }> {
  const { kind, value } = request.identifier
  if (kind === PersonIdentifierKind.BhxhCode) return { bhxhCode: value, idKind: null, idNumber: null }
  const person = await findPersonByPersonalId(db, value)
  if (!person?.bhxhCode || !namesMatch(person.fullName, request.fullName))
    throw invalid({
      identifier: [
        'Không tìm thấy trẻ có số định danh cá nhân và họ tên này. Kiểm tra lại theo giấy khai sinh, hoặc nhập ' +
          'mã số BHXH của con (in trên thẻ BHYT).',
      ],
    })
  return { bhxhCode: person.bhxhCode, idKind: 'personal_id', idNumber: value }
}

type Filing = {
  dossier: Omit<
    NewDossier,
    | 'dossierNumber'
    | 'status'
    | 'condition'
    | 'contactChannel'
    | 'language'
    | 'officeCode'
    | 'submittedAt'
    | 'filedByAccountId'
  >
  photos?: Parameters<typeof insertPhotos>[2]
}

/**
 * One transaction: the account is locked and must be active, the dossier is inserted with its
 * photos and history, and the person is told it arrived. One pending dossier per BHXH code.
 */
async function fileFromAccount(
  deps: Deps,
  accountId: number,
  officeCode: string,
  finish: FilingStep | undefined,
  build: (tx: Executor, holder: RegistryContact) => Promise<Filing>,
): Promise<Dossier> {
  const db = deps.database.db
  if (!(await receivingOffice(db, officeCode, todayInVietnam(deps.clock()))))
    throw invalid({ officeCode: ['Cơ quan BHXH tiếp nhận không có trong danh mục.'] })
  const dossier = await db
    .transaction(async (tx) => {
      const account = await lockCitizenAccount(tx, accountId)
      if (account?.status !== 'active') throw accountNotActive()
      const holder = await findPersonById(tx, account.personId)
      if (!holder?.phone) throw noPhone()
      const filing = await build(tx, holder)
      const now = deps.clock()
      const inserted = await insertDossier(tx, {
        ...filing.dossier,
        dossierNumber: formatDossierNumber(
          officeCode,
          yyyymmOf(todayInVietnam(now)),
          await nextDossierSequence(tx),
        ),
        status: DossierStatus.Pending,
        condition: DossierCondition.Online,
        contactChannel: 'sms',
        language: 'vi',
        officeCode,
        submittedAt: now,
        paperDeadline: null,
        filedByAccountId: account.id,
      })
      const photos = filing.photos ?? []
      await insertPhotos(tx, inserted.id, photos)
      await keepFiles(tx, photoFileIds(photos))
      await appendEvent(tx, {
        dossierId: inserted.id,
        kind: 'submitted',
        at: now,
        actorKind: 'citizen',
        detail: { accountId: account.id },
      })
      await queueReceived(tx, deps, inserted, account.id)
      await finish?.(tx)
      return inserted
    })
    .catch(rethrowPending)
  deps.kick()
  return dossier
}

async function queueReceived(tx: Executor, deps: Deps, dossier: Dossier, accountId: number) {
  const office = await dossierOffice(tx, dossier.officeCode)
  const message = {
    kind: 'dossier_received' as const,
    language: dossier.language,
    variables: { dossierNumber: dossier.dossierNumber, officeName: office.name },
    dedupeKey: `dossier-received:${dossier.id}`,
  }
  const options = queueOptionsFrom(deps, deps.recipientCounters)
  await queueMessage(tx, { ...message, ...verifiedContact(dossier) }, options)
  await queueInboxCopy(tx, { ...message, citizenAccountId: accountId }, options)
}

/** The account holder's identity as the dossier names it: their own ID document from the registry. */
function identityOf(holder: RegistryContact) {
  const document: [IdDocumentKind, string | null][] = [
    ['personal_id', holder.personalId],
    ['legacy_id', holder.legacyIdNumber],
    ['passport', holder.passportNumber],
  ]
  const [idKind, idNumber] = document.find(([, number]) => number !== null) ?? [null, null]
  if (!holder.bhxhCode || !idKind || !idNumber)
    throw new DomainError(ErrorCode.Conflict, 'account holder lacks a BHXH code or ID document', {
      userMessage: {
        vi: 'Hồ sơ quản lý của bạn thiếu mã số BHXH hoặc giấy tờ tùy thân. Vui lòng liên hệ cơ quan BHXH.',
        en: 'Your record lacks a BHXH code or an ID document. Please contact a BHXH office.',
      },
    })
  return {
    bhxhCode: holder.bhxhCode,
    fullName: holder.fullName,
    foldedName: foldVietnamese(holder.fullName),
    idKind,
    idNumber,
  }
}

function contactOf(holder: RegistryContact) {
  return {
    phone: holder.phone ?? '',
    email: holder.email,
    address: {
      addressCodeSet: holder.addressCodeSet,
      provinceCode: holder.provinceCode,
      districtCode: holder.districtCode,
      communeCode: holder.communeCode ?? '',
      street: holder.street ?? '',
    },
  }
}

async function assertKnownAddress(deps: Deps, address: NonNullable<ContactChangeRequest['address']>) {
  const problems = await checkAddress(deps.database.db, address)
  const fields: FieldErrors = {}
  for (const [field, problem] of Object.entries(problems)) fields[`address.${field}`] = [problem]
  if (Object.keys(fields).length > 0) throw invalid(fields)
}

function invalid(fields: FieldErrors) {
  return new DomainError(ErrorCode.ValidationFailed, 'account dossier rules not met', { fields })
}

function accountNotActive() {
  return new DomainError(ErrorCode.Conflict, 'account not active', {
    userMessage: {
      vi: 'Tài khoản đang bị khóa hoặc đã ngừng sử dụng nên không thể gửi hồ sơ. Vui lòng liên hệ cơ quan BHXH.',
      en: 'The account is locked or closed, so it cannot file a dossier. Please contact a BHXH office.',
    },
  })
}

function noPhone() {
  return new DomainError(ErrorCode.Conflict, 'account holder has no phone', {
    userMessage: {
      vi: 'Chưa có số điện thoại để nhận thông báo. Vui lòng đến cơ quan BHXH để cập nhật.',
      en: 'There is no phone number to send results to. Please visit a BHXH office to add one.',
    },
  })
}

// The partial unique index allows one pending dossier per BHXH code: a second one is refused.
function rethrowPending(error: unknown): never {
  if (violatedUniqueConstraint(error) === 'dossiers_pending_bhxh_code_uq')
    throw new DomainError(ErrorCode.Conflict, 'pending dossier exists', {
      userMessage: {
        vi: 'Đã có một hồ sơ đang chờ duyệt cho mã số BHXH này. Vui lòng chờ kết quả trước khi gửi hồ sơ mới.',
        en: 'A dossier for this BHXH code is already waiting for review. Please wait for its result.',
      },
    })
  throw error
}
