import {
  AGENCY_HOTLINE,
  type CitizenPasswordProblem,
  citizenPasswordMessagesVi,
  ErrorCode,
} from '@ansinh/domain'
import { DomainError } from '../../platform/errors'

/** The answers of citizen sign-in and account security that are not successes, worded once. */

export function citizenNotSignedIn(): DomainError {
  return new DomainError(ErrorCode.Unauthenticated, 'no citizen session')
}

/** The default text says it in both languages: another device signed in with an OTP. */
export function signedInElsewhere(): DomainError {
  return new DomainError(ErrorCode.SignedInElsewhere, 'citizen session ended by a sign-in on another device')
}

/** The default text warns that continuing signs the other device out. */
export function deviceChangeRequired(): DomainError {
  return new DomainError(ErrorCode.DeviceChangeOtpRequired, 'citizen signed in on another device')
}

/** Locked or stopped by the office: only the office can help, so the answer says where to go. */
export function citizenAccountClosed(status: 'locked' | 'stopped'): DomainError {
  return new DomainError(ErrorCode.Forbidden, `citizen account ${status}`, {
    userMessage:
      status === 'locked'
        ? {
            vi: `Tài khoản đã bị khóa. Vui lòng liên hệ cơ quan BHXH nơi bạn cư trú hoặc gọi ${AGENCY_HOTLINE}.`,
            en: `This account is locked. Please contact your social insurance office or call ${AGENCY_HOTLINE}.`,
          }
        : {
            vi: 'Tài khoản đã ngừng sử dụng. Vui lòng đăng ký lại hoặc liên hệ cơ quan BHXH nơi bạn cư trú.',
            en: 'This account is no longer in use. Please register again or contact your social insurance office.',
          },
  })
}

/** Neither phone nor e-mail to send an OTP to: the change-of-information dossier at an office. */
export function noContactForOtp(): DomainError {
  return new DomainError(ErrorCode.Conflict, 'citizen account has no phone or e-mail', {
    userMessage: {
      vi: 'Tài khoản chưa có số điện thoại hoặc email để nhận mã OTP. Vui lòng đến cơ quan BHXH nộp hồ sơ điều chỉnh thông tin (mang theo CCCD).',
      en: 'The account has no phone or e-mail to receive an OTP. Please file a change-of-information dossier at a social insurance office (bring your ID card).',
    },
  })
}

export function passwordExpired(maxAgeDays: number): DomainError {
  return new DomainError(ErrorCode.PasswordChangeRequired, 'citizen password expired', {
    userMessage: {
      vi: `Mật khẩu đã dùng quá ${maxAgeDays} ngày. Vui lòng đổi mật khẩu trước khi tiếp tục.`,
      en: `Your password is more than ${maxAgeDays} days old. Please change it before you continue.`,
    },
  })
}

export function wrongCurrentPassword(): DomainError {
  const vi = 'Mật khẩu hiện tại không đúng.'
  return new DomainError(ErrorCode.ValidationFailed, 'wrong current password', {
    fields: { currentPassword: [vi] },
    userMessage: { vi, en: 'The current password is not correct.' },
  })
}

export function weakPassword(problems: readonly CitizenPasswordProblem[]): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, 'citizen password rule not met', {
    fields: { newPassword: problems.map((problem) => citizenPasswordMessagesVi[problem]) },
  })
}

/** A request id that is not (or no longer) waiting: said like an expired OTP, which it is. */
export function requestClosed(): DomainError {
  return new DomainError(ErrorCode.OtpExpired, 'citizen auth request not found or expired', {
    fields: { otp: ['Mã OTP đã hết hiệu lực.'] },
  })
}
