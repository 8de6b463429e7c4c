import { ErrorCode, formatDateTimeVi } from '@ansinh/domain'
import { DomainError } from '../../platform/errors'

/** The refusals staff and citizen sign-in share, worded once. */

/** Unknown username and wrong password get this same answer, so usernames cannot be probed. */
export function wrongCredentials(): DomainError {
  return new DomainError(ErrorCode.Unauthenticated, 'sign-in refused', {
    userMessage: {
      vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      en: 'The username or password is not correct.',
    },
  })
}

export function lockedOut(until: Date): DomainError {
  // "dd/mm/yyyy HH:mm" in Vietnam time, said the Vietnamese way: "HH:mm ngày dd/mm/yyyy".
  const [date, time] = formatDateTimeVi(until).split(' ')
  return new DomainError(ErrorCode.RateLimited, 'account locked after wrong tries', {
    userMessage: {
      vi: `Tài khoản tạm bị khóa do nhập sai nhiều lần. Vui lòng thử lại sau ${time} ngày ${date}.`,
      en: `The account is locked after too many wrong attempts. Please try again after ${time} on ${date} (Vietnam time).`,
    },
  })
}

/** The default text says it: change the password first (each app shows that page at once). */
export function passwordChangeRequired(): DomainError {
  return new DomainError(ErrorCode.PasswordChangeRequired, 'one-time password not replaced yet')
}

export function csrfRefused(): DomainError {
  return new DomainError(ErrorCode.Forbidden, 'missing or wrong CSRF token')
}
