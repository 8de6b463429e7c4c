import { useId } from 'react'

/** A labelled text box with its submit button on one line: the FAQ search and the chat's message. */
export function EntryRow({
  label,
  value,
  onChange,
  placeholder,
  maxLength,
  submitLabel,
  busy = false,
  type = 'text',
}: {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder: string
  maxLength: number
  submitLabel: string
  busy?: boolean
  type?: 'text' | 'search'
}) {
  const id = useId()
  return (
    <>
      <label className="reg-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="support-entry-row">
        <input
          id={id}
          className="reg-input"
          type={type}
          value={value}
          maxLength={maxLength}
          autoComplete="off"
          placeholder={placeholder}
          onChange={(event) => onChange(event.target.value)}
        />
        <button type="submit" className="as-button as-button--primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </>
  )
}
