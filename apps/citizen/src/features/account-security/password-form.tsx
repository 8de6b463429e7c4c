import { type Dispatch, type SetStateAction, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PasswordField } from '../session/password-field'
import { type KnownIdentity, PasswordChecklist, passwordProblems } from './password-checklist'

export type NewPasswordErrors = { newPassword?: string | undefined; repeat?: string | undefined }

/** "Mật khẩu mới" with its checklist, and "Nhập lại mật khẩu mới". */
export function NewPasswordFields({
  newPassword,
  repeat,
  onNewPassword,
  onRepeat,
  errors,
  identity,
}: {
  newPassword: string
  repeat: string
  onNewPassword: (value: string) => void
  onRepeat: (value: string) => void
  errors: NewPasswordErrors
  identity: KnownIdentity
}) {
  const { t } = useTranslation()
  return (
    <>
      <PasswordField
        name="newPassword"
        label={t('security.newPassword')}
        value={newPassword}
        autoComplete="new-password"
        error={errors.newPassword}
        describedById="auth-password-rule"
        onChange={onNewPassword}
      />
      <PasswordChecklist id="auth-password-rule" password={newPassword} identity={identity} />
      <PasswordField
        name="repeatPassword"
        label={t('security.repeatPassword')}
        value={repeat}
        autoComplete="new-password"
        error={errors.repeat}
        onChange={onRepeat}
      />
    </>
  )
}

/**
 * The two boxes of a page that sets a new password (a change, a reset): their values, their props
 * and the browser's check. The page keeps one errors object for all its fields (the current password
 * or the OTP too), so typing in a box clears that box's error in the page's own state.
 */
export function useNewPassword<E extends NewPasswordErrors>(
  identity: KnownIdentity,
  setErrors: Dispatch<SetStateAction<E>>,
) {
  const [newPassword, setNewPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const check = useNewPasswordCheck()
  return {
    newPassword,
    /** The errors of the two boxes before anything is sent; the server checks again. */
    check: (): NewPasswordErrors => check(newPassword, repeat, passwordProblems(newPassword, identity)),
    /** For `<NewPasswordFields {...fields} errors={errors} />`. */
    fields: {
      newPassword,
      repeat,
      identity,
      onNewPassword: (value: string) => {
        setNewPassword(value)
        setErrors((current) => ({ ...current, newPassword: undefined }))
      },
      onRepeat: (value: string) => {
        setRepeat(value)
        setErrors((current) => ({ ...current, repeat: undefined }))
      },
    },
  }
}

/** The browser's check of the new password; the server checks again (and the common list). */
function useNewPasswordCheck() {
  const { t } = useTranslation()
  return (newPassword: string, repeat: string, problems: readonly string[]): NewPasswordErrors => ({
    newPassword:
      newPassword === ''
        ? t('security.errors.newPasswordRequired')
        : problems.length > 0
          ? t('security.errors.newPasswordRule')
          : undefined,
    repeat:
      repeat === ''
        ? t('security.errors.repeatRequired')
        : repeat !== newPassword
          ? t('security.errors.repeatMismatch')
          : undefined,
  })
}

/** The server's messages for the new password (one per problem) in one sentence. */
export function joined(messages: string[] | undefined): string | undefined {
  return messages && messages.length > 0 ? messages.join(' ') : undefined
}
