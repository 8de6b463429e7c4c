import { type ReactNode, useId } from 'react'

/** What ties a control to its field: spread it on the `<input>`, `<select>` or `<textarea>`. */
type ControlProps = {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

type FieldProps = {
  label: string
  /** Read with the control (what to type, the rule it must meet). */
  hint?: ReactNode
  /** What is wrong with the value; the control is marked invalid while there is one. */
  error?: string | null | undefined
  /** Announces the error as it comes; leave it off where focus moves to the field in error. */
  alert?: boolean
  /** Something outside the field that also describes the control (the form's own message). */
  describedBy?: string | undefined
  children: (control: ControlProps) => ReactNode
}

/** A form field: the label, the control, its hint and its error, tied together for assistive technology. */
export function Field({ label, hint, error, alert = false, describedBy, children }: FieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const described = [hint ? hintId : undefined, describedBy, error ? errorId : undefined].filter(Boolean)
  return (
    <div className="staff-field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
      })}
      {hint && (
        <p id={hintId} className="staff-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} role={alert ? 'alert' : undefined} className="staff-error">
          {error}
        </p>
      )}
    </div>
  )
}
