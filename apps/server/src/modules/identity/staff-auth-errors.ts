import { ErrorCode } from '@ansinh/domain'
import { DomainError } from '../../platform/errors'

/** The answers of staff sign-in that are not successes, worded once (those shared with citizen sign-in: auth-errors). */

export function accountDisabled(): DomainError {
  return new DomainError(ErrorCode.Forbidden, 'staff account locked by an administrator', {
    userMessage: {
      vi: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên của cơ quan BHXH.',
      en: 'This account is locked. Please contact your office administrator.',
    },
  })
}

/** No session, an ended or expired one, or one still waiting for its second factor. */
export function notSignedIn(reason: 'none' | 'second_factor' = 'none'): DomainError {
  if (reason === 'none') return new DomainError(ErrorCode.Unauthenticated, 'no staff session')
  return new DomainError(ErrorCode.Unauthenticated, 'staff session waits for its second factor', {
    userMessage: {
      vi: 'Vui lòng nhập mã xác thực hai lớp để hoàn tất đăng nhập.',
      en: 'Please enter your two-factor code to finish signing in.',
    },
  })
}

export function wrongSecondFactor(
  field: 'code' | 'recoveryCode',
  reason: 'wrong_code' | 'replayed',
): DomainError {
  const message =
    reason === 'replayed'
      ? {
          vi: 'Mã xác thực này đã được dùng. Vui lòng chờ mã mới trên ứng dụng xác thực.',
          en: 'This code has already been used. Please wait for the next code in your authenticator app.',
        }
      : field === 'code'
        ? { vi: 'Mã xác thực không đúng.', en: 'The code is not correct.' }
        : {
            vi: 'Mã khôi phục không đúng hoặc đã được dùng.',
            en: 'The recovery code is wrong or already used.',
          }
  return new DomainError(ErrorCode.OtpInvalid, `wrong second factor (${reason})`, {
    fields: { [field]: [message.vi] },
    userMessage: message,
  })
}
