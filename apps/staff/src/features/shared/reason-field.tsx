import type { ReactNode, Ref } from 'react'
import { Field } from './field'

/**
 * Why, in the staff member's own words: the reason recorded with an action (a dossier found not
 * valid, an account locked), which the API takes up to 500 characters (or `maxLength`: an answer to
 * feedback). Its error is announced: the person is still typing there when it comes.
 */
export function ReasonField({
  label,
  hint,
  error,
  value,
  onChange,
  rows,
  maxLength = 500,
  ref,
}: {
  label: string
  hint?: ReactNode
  error: string | null
  value: string
  onChange: (value: string) => void
  rows: number
  maxLength?: number
  ref?: Ref<HTMLTextAreaElement>
}) {
  return (
    <Field label={label} hint={hint} error={error} alert>
      {(control) => (
        <textarea
          {...control}
          ref={ref}
          value={value}
          rows={rows}
          maxLength={maxLength}
          required
          aria-required="true"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  )
}
