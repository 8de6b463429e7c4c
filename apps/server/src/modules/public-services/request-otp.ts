import type { AccountRequestOtp, AccountRequestPurpose, CitizenOtpSent } from '@ansinh/domain'
import type { Deps } from '../../app'
import { DomainError, notFound } from '../../platform/errors'
import {
  checkAuthRequestOtp,
  resendAuthRequestOtp,
  spendAuthRequest,
  startAuthRequest,
} from '../identity/citizen-otp-requests'
import { type CitizenAuthRequestRow, findAuthRequest, findCitizenById } from '../identity/citizen-repo'
import type { FilingStep } from '../registration/account-dossiers'

/**
 * The OTP step of "Thay đổi thông tin" and "Ngừng sử dụng giao dịch điện tử": the signed-in person
 * proves again that they hold the registered phone (or e-mail) before a request that changes where
 * their codes go, or closes the account, is filed. The citizen OTP-request machinery of `identity`
 * does the work; a request here holds no content: the dossier's content comes with the code.
 */

type StoredPurpose = CitizenAuthRequestRow['purpose']

// "stop" alone would read oddly in the SMS and in the tables: stored as what is stopped.
const storedPurpose = {
  contact_change: 'contact_change',
  stop: 'account_stop',
} as const satisfies Record<AccountRequestPurpose, StoredPurpose>
const publicServicePurposes: readonly StoredPurpose[] = Object.values(storedPurpose)

export async function sendAccountRequestOtp(
  deps: Deps,
  accountId: number,
  purpose: AccountRequestPurpose,
): Promise<CitizenOtpSent> {
  const found = await findCitizenById(deps.database.db, accountId)
  if (!found) throw new Error('a live session without its account')
  return startAuthRequest(deps, { purpose: storedPurpose[purpose], accountId, holder: found.holder })
}

/** "Gửi lại mã" for the person's own request, after its `resendAfter`. */
export async function resendAccountRequestOtp(
  deps: Deps,
  accountId: number,
  requestId: string,
): Promise<CitizenOtpSent> {
  const request = await ownRequest(deps, accountId, requestId, publicServicePurposes)
  return resendAuthRequestOtp(deps, requestId, { purpose: request.purpose, accountId })
}

/**
 * Checks the code first (every try counted: OTP_INVALID with the tries left), then files: `file`
 * gets the step that spends the request inside the filing's transaction, so one code files one
 * dossier. A filing refused for its content leaves the request open for a corrected one.
 */
export async function withAccountRequestOtp<T>(
  deps: Deps,
  accountId: number,
  purpose: AccountRequestPurpose,
  otp: AccountRequestOtp,
  file: (spend: FilingStep) => Promise<T>,
): Promise<T> {
  const expected = { purpose: storedPurpose[purpose], accountId }
  await ownRequest(deps, accountId, otp.requestId, [expected.purpose])
  const request = await checkAuthRequestOtp(deps, otp.requestId, expected, otp.code).catch(onCodeField)
  return file((tx) => spendAuthRequest(tx, deps, request))
}

/** The person's own request of one of these purposes; someone else's answers like a missing one. */
async function ownRequest(
  deps: Deps,
  accountId: number,
  requestId: string,
  purposes: readonly StoredPurpose[],
): Promise<CitizenAuthRequestRow> {
  const request = await findAuthRequest(deps.database.db, requestId)
  if (request?.accountId !== accountId || !purposes.includes(request.purpose))
    throw notFound('account request')
  return request
}

// The machinery names the code's field `otp`; in these bodies the code is `otp.code`, where the
// form shows it.
function onCodeField(error: unknown): never {
  const codeProblems = error instanceof DomainError ? error.options.fields?.otp : undefined
  if (!(error instanceof DomainError) || !codeProblems) throw error
  throw new DomainError(error.code, error.message, {
    ...error.options,
    fields: { 'otp.code': codeProblems },
  })
}
