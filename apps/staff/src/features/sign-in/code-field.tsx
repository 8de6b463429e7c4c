import { type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The 6-digit code of the authenticator app, at sign-in and wherever the owner must show they still
 * hold it. Spaces are allowed: some apps show "123 456". `children` go under the input (an error).
 */
export function CodeField({
  describedBy,
  invalid = false,
  children,
}: {
  describedBy?: string | undefined
  invalid?: boolean
  children?: ReactNode
}) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="staff-field">
      <label htmlFor={id}>{t('signIn.code')}</label>
      <input
        id={id}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        maxLength={7}
        required
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
      {children}
    </div>
  )
}
