import { useTranslation } from 'react-i18next'
import { TextField } from '../registration/form-controls'

/** The username with the spaces people copy from the card (or type to group the digits) taken out. */
export function compactUsername(typed: string): string {
  return typed.replace(/\s/g, '')
}

/** A citizen signs in with the BHXH code (10 digits) or the personal ID (12 digits). */
export function isUsername(compact: string): boolean {
  return /^(\d{10}|\d{12})$/.test(compact)
}

/** The browser's check of the username before it is sent: the message to show, or nothing. */
export function useUsernameCheck() {
  const { t } = useTranslation()
  return (compact: string): string | undefined =>
    compact === ''
      ? t('signIn.errors.usernameRequired')
      : isUsername(compact)
        ? undefined
        : t('signIn.errors.usernameFormat')
}

/**
 * "Tên đăng nhập" (BHXH code or personal ID): the same box on the sign-in and the forgotten-password pages, so that the
 * browser's password manager fills both (`autoComplete="username"`) and the phone shows the keypad.
 */
export function UsernameField({
  value,
  error,
  onChange,
}: {
  value: string
  error: string | undefined
  onChange: (value: string) => void
}) {
  const { t } = useTranslation()
  return (
    <TextField
      name="username"
      label={t('signIn.username')}
      hint={t('signIn.usernameHint')}
      value={value}
      autoComplete="username"
      inputMode="numeric"
      maxLength={16}
      error={error}
      onChange={onChange}
    />
  )
}
