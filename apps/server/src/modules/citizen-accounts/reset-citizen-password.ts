import { randomUUID } from 'node:crypto'
import { type CitizenAccountActionResult, CitizenAccountStatus, PasswordChannel } from '@ansinh/domain'
import type { Deps } from '../../app'
import { endCitizenSessions } from '../identity/accounts'
import { generateTemporaryPassword, hashPassword } from '../identity/password'
import type { StaffActor } from '../identity/staff-actor'
import { queueMessage, queueOptionsFrom } from '../notify/service'
import { changeCitizenAccount, conflict, refuseStopped } from './change-citizen-account'
import { type CitizenAccount, setTemporaryPassword } from './repo'

/**
 * "Cấp lại mật khẩu" at the counter: a new random one-time password replaces the old one, must be
 * changed at the next sign-in, and ends every signed-in device. It goes by SMS to the phone the
 * registry holds and by e-mail when there is one, through the outbox in the same transaction, so the
 * password changes if and only if the messages are queued. Staff never see it: the answer does not
 * carry it and nothing logs it. A second reset within a minute is refused: pressed twice, the button
 * would send two different passwords, and the person could not tell which one works.
 */

/** How long after a one-time password was sent another one may be. */
const RESEND_AFTER_MS = 60_000

export async function resetAccountPassword(
  deps: Deps,
  staff: StaffActor,
  id: number,
): Promise<CitizenAccountActionResult> {
  // Argon2id takes a moment: hashed before the transaction, so the account row is not held meanwhile.
  const temporaryPassword = generateTemporaryPassword()
  const passwordHash = await hashPassword(temporaryPassword)
  // Two resets of one account are two messages each: the key tells retries of one reset apart from them.
  const resetId = randomUUID()
  const result = await changeCitizenAccount(
    deps,
    staff,
    id,
    'citizen_account.reset_password',
    async (tx, { account, holder, issuing }, now) => {
      refuseStopped(account)
      if (account.status === CitizenAccountStatus.Locked)
        throw conflict('account locked', {
          vi: 'Tài khoản đang bị khóa. Vui lòng mở khóa trước khi cấp lại mật khẩu.',
          en: 'The account is locked. Please unlock it before resetting the password.',
        })
      // A child's account is opened from the parent's (seed 004) and has no password of its own to send.
      if (account.guardianAccountId !== null)
        throw conflict('child account', {
          vi: 'Đây là tài khoản của trẻ em, được sử dụng qua tài khoản của cha, mẹ hoặc người giám hộ. Vui lòng cấp lại mật khẩu cho tài khoản đó.',
          en: "This is a child's account, used through the parent's or guardian's account. Please reset that account's password instead.",
        })
      const wait = resendWait(account, now)
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000)
        throw conflict('password reset again too soon', {
          vi: `Mật khẩu mới vừa được gửi cho người tham gia, vui lòng chờ ${seconds} giây trước khi gửi lại.`,
          en: `A new password was just sent to the person; please wait ${seconds} second${seconds === 1 ? '' : 's'} before sending another.`,
        })
      }
      const contacts = [
        ...(holder.phone ? [{ channel: PasswordChannel.Sms, to: holder.phone }] : []),
        ...(holder.email ? [{ channel: PasswordChannel.Email, to: holder.email }] : []),
      ]
      if (contacts.length === 0)
        throw conflict('no contact for the new password', {
          vi: 'Dữ liệu quản lý chưa có số điện thoại hay thư điện tử của người này nên không gửi được mật khẩu mới. Vui lòng cập nhật thông tin liên hệ trước.',
          en: 'The registry holds no phone or e-mail for this person, so a new password cannot be sent. Please update the contact details first.',
        })
      await setTemporaryPassword(tx, account.id, passwordHash, now)
      const endedSessions = await endCitizenSessions(tx, account.id, 'staff', now)
      const options = queueOptionsFrom(deps, deps.recipientCounters)
      for (const { channel, to } of contacts)
        await queueMessage(
          tx,
          {
            kind: 'password_reset_by_office',
            channel,
            to,
            citizenAccountId: account.id,
            // In the language the person registered in, when a dossier says which.
            language: issuing?.language ?? 'vi',
            variables: { bhxhCode: account.username, temporaryPassword },
            dedupeKey: `password_reset_by_office:${resetId}:${channel}`,
          },
          options,
        )
      const sentBy = contacts.map((contact) => contact.channel)
      return { endedSessions, sentBy, audit: { sentBy } }
    },
  )
  deps.kick()
  return result
}

/**
 * Milliseconds until another one-time password may be sent; zero or less when it may be now. A reset
 * writes the row (`updated_at`) and leaves a one-time password on it (to be changed, never changed by
 * the person), as the issuance does. A lock or an unlock writes the row too, but stamps
 * `status_changed_at` with the same instant: a row still holding a one-time password and written
 * after its last status change was last written when that password was sent.
 */
function resendWait(account: CitizenAccount, now: Date): number {
  const holdsOneTimePassword = account.mustChangePassword && account.passwordChangedAt === null
  const statusChangedSince = account.statusChangedAt !== null && account.statusChangedAt >= account.updatedAt
  if (!holdsOneTimePassword || statusChangedSince) return 0
  return account.updatedAt.getTime() + RESEND_AFTER_MS - now.getTime()
}
