import {
  ErrorCode,
  maskEmail,
  maskMobilePhone,
  type RegistrationCreated,
  type RegistrationForm,
  todayInVietnam,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import { DomainError, type FieldErrors, notFound } from '../../platform/errors'
import { isUuid } from '../../platform/ids'
import { checkAddress, receivingOffice } from '../directory/service'
import { assertResendAllowed, type IssuedOtp, issueOtp } from '../identity/otp'
import {
  findPendingDossier,
  findRequest,
  hasActiveAccount,
  insertRequest,
  phoneTakenByOther,
  updateRequest,
} from './repo'
import { removeFiles, type SubmittedPhotos, storePhotos } from './stored-photos'

/**
 * Step one of a registration: everything is checked, the photos are re-encoded and stored encrypted,
 * and an OTP goes to the person. Nothing becomes a dossier until the OTP comes back; a request that
 * never does is deleted with its photos when it expires.
 */

/** How long an unconfirmed request (and its photos) is kept: time for a few resends. */
const REQUEST_LIFETIME_MS = 60 * 60_000

export async function submitRegistration(
  deps: Deps,
  form: RegistrationForm,
  photos: SubmittedPhotos,
): Promise<RegistrationCreated> {
  await checkRules(deps, form)
  const stored = await storePhotos(deps, form, photos)
  const db = deps.database.db
  try {
    const { request, otp } = await db.transaction(async (tx) => {
      const otp = await issueOtp(tx, deps, otpTarget(form))
      const request = await insertRequest(tx, {
        otpChallengeId: otp.challengeId,
        form,
        photos: stored,
        expiresAt: new Date(deps.clock().getTime() + REQUEST_LIFETIME_MS),
      })
      return { request, otp }
    })
    deps.kick()
    const replacesPending = (await findPendingDossier(db, form.bhxhCode)) !== null
    return { id: request.id, otp: presentOtp(form, otp), replacesPending }
  } catch (error) {
    await removeFiles(deps, stored)
    throw error
  }
}

/** "Gửi lại mã": a new code for the same request, once `resendAfter` has passed. */
export async function resendRegistrationOtp(deps: Deps, id: string): Promise<RegistrationCreated['otp']> {
  const request = await openRequest(deps, id)
  const form = request.form as RegistrationForm
  await assertResendAllowed(deps.database.db, deps, request.otpChallengeId)
  const otp = await deps.database.db.transaction(async (tx) => {
    const issued = await issueOtp(tx, deps, otpTarget(form))
    await updateRequest(tx, id, {
      otpChallengeId: issued.challengeId,
      expiresAt: new Date(deps.clock().getTime() + REQUEST_LIFETIME_MS),
    })
    return issued
  })
  deps.kick()
  return presentOtp(form, otp)
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
