import {
  DossierCondition,
  ErrorCode,
  maskEmail,
  maskMobilePhone,
  type RegistrationCreated,
  type RegistrationForm,
  todayInVietnam,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import { DomainError, type FieldErrors, notFound } from '../../platform/errors'
import { keepFiles } from '../../platform/file-deletions'
import { isUuid } from '../../platform/ids'
import { checkAddress, receivingOffice } from '../directory/service'
import { assertResendAllowed, type IssuedOtp, issueOtp } from '../identity/otp'
import {
  type Dossier,
  findPendingDossier,
  findRequest,
  hasActiveAccount,
  insertRequest,
  lockRequest,
  phoneTakenByOther,
  updateRequest,
} from './repo'
import { discardStagedPhotos, photoFileIds, type SubmittedPhotos, storePhotos } from './stored-photos'

/**
 * Step one of a registration: everything is checked, the photos are re-encoded and stored encrypted,
 * and an OTP goes to the person. Nothing becomes a dossier until the OTP comes back; a request that
 * never does is deleted with its photos when it expires.
 */

/** How long an unconfirmed request (and its photos) is kept, from submission: resends do not extend it. */
const REQUEST_LIFETIME_MS = 60 * 60_000
/** "Send again" a few times; after that the person submits again (and the per-phone SMS limit applies). */
const MAX_RESENDS = 3

export async function submitRegistration(
  deps: Deps,
  form: RegistrationForm,
  photos: SubmittedPhotos,
): Promise<RegistrationCreated> {
  await checkRules(deps, form)
  const stored = await storePhotos(deps, form, photos)
  const db = deps.database.db
  const saved = await db
    .transaction(async (tx) => {
      const otp = await issueOtp(tx, deps, otpTarget(form))
      const request = await insertRequest(tx, {
        otpChallengeId: otp.challengeId,
        form,
        photos: stored,
        expiresAt: new Date(deps.clock().getTime() + REQUEST_LIFETIME_MS),
      })
      await keepFiles(tx, photoFileIds(stored))
      const pending = await findPendingDossier(tx, form.bhxhCode)
      return { request, otp, replacesPending: pending !== null && sameVerifiedContact(pending, form) }
    })
    .catch(async (error: unknown) => {
      await discardStagedPhotos(deps, stored)
      throw error
    })
  deps.kick()
  return { id: saved.request.id, otp: presentOtp(form, saved.otp), replacesPending: saved.replacesPending }
}

/** "Gửi lại mã": a new code for the same request, once `resendAfter` has passed, a few times at most. */
export async function resendRegistrationOtp(deps: Deps, id: string): Promise<RegistrationCreated['otp']> {
  const request = await openRequest(deps, id)
  const form = request.form as RegistrationForm
  const otp = await deps.database.db.transaction(async (tx) => {
    // The row lock makes parallel resends wait for each other: one code per resend window.
    const locked = await lockRequest(tx, id)
    if (!locked) throw notFound('registration request')
    await assertResendAllowed(tx, deps, locked.otpChallengeId)
    if (locked.resends >= MAX_RESENDS)
      throw new DomainError(ErrorCode.OtpAttemptsExceeded, 'too many resends', {
        userMessage: {
          vi: 'Bạn đã yêu cầu gửi lại mã quá số lần cho phép. Vui lòng gửi lại hồ sơ để nhận mã mới.',
          en: 'The code was sent again too many times. Please submit the form again to get a new code.',
        },
      })
    const issued = await issueOtp(tx, deps, otpTarget(form))
    await updateRequest(tx, id, { otpChallengeId: issued.challengeId, resends: locked.resends + 1 })
    return issued
  })
  deps.kick()
  return presentOtp(form, otp)
}

/**
 * Whether a pending dossier was filed with the contact this form's OTP proves: only then may the
 * new submission replace it (a stranger who knows a BHXH code must not cancel its owner's dossier).
 */
export function sameVerifiedContact(pending: Dossier, form: RegistrationForm): boolean {
  const target = otpTarget(form)
  return target.channel === 'sms'
    ? pending.contactChannel === 'sms' && pending.phone === form.phone
    : pending.contactChannel === 'email' && pending.email === form.email
}

/** A request still waiting for its OTP; anything else is "not found". */
export async function openRequest(deps: Deps, id: string) {
  const request = isUuid(id) ? await findRequest(deps.database.db, id) : null
  if (!request || request.form === null || request.expiresAt <= deps.clock())
    throw notFound('registration request')
  return request
}

function otpTarget(form: RegistrationForm) {
  const byEmail = form.contactChannel === 'email' && form.email !== undefined
  return {
    purpose: 'registration' as const,
    channel: byEmail ? ('email' as const) : ('sms' as const),
    to: byEmail ? (form.email as string) : form.phone,
    language: form.language,
  }
}

function presentOtp(form: RegistrationForm, otp: IssuedOtp): RegistrationCreated['otp'] {
  const target = otpTarget(form)
  return {
    channel: target.channel,
    sentTo: target.channel === 'email' ? maskEmail(target.to) : maskMobilePhone(target.to),
    expiresAt: otp.expiresAt.toISOString(),
    resendAfter: otp.resendAfter.toISOString(),
  }
}

/** The rules a form must meet beyond its schema; every problem is reported at once. */
export async function checkRules(deps: Deps, form: RegistrationForm): Promise<void> {
  const db = deps.database.db
  if (await hasActiveAccount(db, form.bhxhCode)) {
    throw new DomainError(ErrorCode.Conflict, 'bhxh code already has an account', {
      fields: { bhxhCode: ['Mã số BHXH này đã có tài khoản giao dịch điện tử.'] },
      userMessage: {
        vi: 'Mã số BHXH này đã có tài khoản giao dịch điện tử. Vui lòng đăng nhập, hoặc dùng "Quên mật khẩu" nếu không nhớ mật khẩu.',
        en: 'This social-insurance code already has an e-transaction account. Please sign in, or use "Forgot password".',
      },
    })
  }
  // A dossier the office is already handling cannot be replaced: say so before any OTP is sent.
  const pending = await findPendingDossier(db, form.bhxhCode)
  if (pending && pending.condition !== DossierCondition.AwaitingPaper)
    throw pendingElsewhere(pending.condition)
  const fields: FieldErrors = {}
  const office = await receivingOffice(db, form.officeCode, todayInVietnam(deps.clock()))
  if (!office) fields.officeCode = ['Cơ quan BHXH tiếp nhận không có trong danh mục.']
  for (const [field, problem] of Object.entries(await checkAddress(db, form.address)))
    fields[`address.${field}`] = [problem]
  if (await phoneTakenByOther(db, form.phone, form.bhxhCode))
    fields.phone = [
      'Số điện thoại này đã được dùng cho một tài khoản hoặc hồ sơ đăng ký khác. Mỗi số điện thoại chỉ dùng cho một tài khoản.',
    ]
  if (Object.keys(fields).length > 0)
    throw new DomainError(ErrorCode.ValidationFailed, 'registration rules not met', { fields })
}

export function pendingElsewhere(condition: DossierCondition) {
  // Received at the office, or filed online from an account: either way the office is on it.
  const received = condition !== DossierCondition.AwaitingPaper
  return new DomainError(ErrorCode.Conflict, 'another pending dossier for this bhxh code', {
    fields: { bhxhCode: ['Mã số BHXH này đang có hồ sơ đăng ký chờ xử lý.'] },
    userMessage: received
      ? {
          vi: 'Cơ quan BHXH đã tiếp nhận hồ sơ đăng ký trước đó của mã số BHXH này và đang xử lý. Vui lòng chờ kết quả.',
          en: 'The office has already received an earlier registration for this code and is processing it. Please wait for the result.',
        }
      : {
          vi: 'Mã số BHXH này đang có hồ sơ đăng ký chờ xử lý với số điện thoại hoặc email khác. Vui lòng chờ hồ sơ đó hết hạn, hoặc liên hệ cơ quan BHXH.',
          en: 'This code has a pending registration with another phone or e-mail. Please wait until it expires, or contact the office.',
        },
  })
}
