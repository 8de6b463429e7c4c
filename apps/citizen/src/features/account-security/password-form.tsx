import { useTranslation } from 'react-i18next'
import { PasswordField } from '../session/password-field'
import { type KnownIdentity, PasswordChecklist } from './password-checklist'

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

/** The browser's check of the new password; the server checks again (and the common list). */
export function useNewPasswordCheck() {
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
