import { useTranslation } from 'react-i18next'
import { Field } from '../shared/field'

/**
 * The 6-digit code of the authenticator app, at sign-in and wherever the owner must show they still
 * hold it. Spaces are allowed: some apps show "123 456".
 */
export function CodeField({
  error,
  describedBy,
}: {
  /** What is wrong with the code, under it. */
  error?: string | null
  /** The form's own message, where the sign-in page tells what went wrong. */
  describedBy?: string | undefined
}) {
  const { t } = useTranslation()
  return (
    <Field label={t('signIn.code')} error={error} describedBy={describedBy}>
      {(control) => (
        <input
          {...control}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          required
        />
      )}
    </Field>
  )
}
