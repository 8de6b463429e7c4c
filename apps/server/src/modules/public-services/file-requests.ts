import type { ChildRegistrationRequest, ContactChangeFiling, FiledDossier, StopFiling } from '@ansinh/domain'
import type { Deps } from '../../app'
import { countKeyedTry } from '../identity/citizen-throttle'
import { fileChildRegistration, fileContactChange, fileStopRequest } from '../registration/account-dossiers'
import { dossierOffice } from '../registration/dossier-office'
import type { Dossier } from '../registration/repo'
import { discardStagedPhotos, type SubmittedPhoto, storePhoto } from '../registration/stored-photos'
import { withAccountRequestOtp } from './request-otp'

/**
 * "Dịch vụ công" of the citizen app: the dossiers a signed-in person files from their account,
 * decided by the receiving office in `review/`. The filing rules live in
 * `registration/account-dossiers.ts`; this adds the OTP (change, stop) and the photo (child).
 */

/** Thay đổi thông tin: phone, e-mail and/or address, with the OTP sent to the registered phone. */
export async function fileContactChangeRequest(
  deps: Deps,
  accountId: number,
  { otp, ...request }: ContactChangeFiling,
): Promise<FiledDossier> {
  const dossier = await withAccountRequestOtp(deps, accountId, 'contact_change', otp, (spend) =>
    fileContactChange(deps, accountId, request, spend),
  )
  return presentFiled(deps, dossier)
}

/** Ngừng sử dụng phương thức giao dịch điện tử, with the OTP sent to the registered phone. */
export async function fileStopAccountRequest(
  deps: Deps,
  accountId: number,
  { otp, ...request }: StopFiling,
): Promise<FiledDossier> {
  const dossier = await withAccountRequestOtp(deps, accountId, 'stop', otp, (spend) =>
    fileStopRequest(deps, accountId, request, spend),
  )
  return presentFiled(deps, dossier)
}

/**
 * Child filings per parent account and clock hour. A filing by personal ID tells whether the registry
 * holds that ID under that name: with no OTP in the way, this keeps an account (and whoever holds its
 * session) from trying names and IDs in bulk, and is far above what a family files.
 */
export const CHILD_FILINGS_PER_HOUR = 10

/**
 * Đăng ký tài khoản cho con: no OTP (the parent is signed in and the account stays theirs); the birth
 * certificate photo is checked, re-encoded and staged like a registration photo.
 */
export async function fileChildRequest(
  deps: Deps,
  parentAccountId: number,
  request: ChildRegistrationRequest,
  birthCertificate: SubmittedPhoto | undefined,
): Promise<FiledDossier> {
  // Counted before the photo is decoded: a refused filing is an attempt too.
  await countKeyedTry(deps, {
    scope: 'child-filing-account',
    value: String(parentAccountId),
    perHour: CHILD_FILINGS_PER_HOUR,
    tooMany: (minutes) => ({
      vi: `Tài khoản của bạn đã gửi quá nhiều hồ sơ đăng ký tài khoản cho con. Vui lòng thử lại sau ${minutes} phút.`,
      en: `Your account has filed too many requests for a child's account. Please try again in ${minutes} minutes.`,
    }),
  })
  const photo = await storePhoto(deps, birthCertificate, 'birthCertificate')
  const dossier = await fileChildRegistration(deps, parentAccountId, request, photo).catch(
    async (error: unknown) => {
      await discardStagedPhotos(deps, [photo])
      throw error
    },
  )
  return presentFiled(deps, dossier)
}

async function presentFiled(deps: Deps, dossier: Dossier): Promise<FiledDossier> {
  const office = await dossierOffice(deps.database.db, dossier.officeCode)
  return {
    dossierNumber: dossier.dossierNumber,
    kind: dossier.kind,
    status: dossier.status,
    submittedAt: dossier.submittedAt.toISOString(),
    office: { code: office.code, name: office.name },
  }
}
