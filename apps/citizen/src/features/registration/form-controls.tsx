import { type InputHTMLAttributes, type ReactNode, type RefObject, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { FieldErrors } from './validation'

/** The id of the control that shows a field of the server's `fields` (`address.communeCode`). */
export function fieldId(key: string): string {
  return `reg-${key.replace(/\./g, '-')}`
}

export function errorId(key: string): string {
  return `${fieldId(key)}-error`
}

function hintId(key: string): string {
  return `${fieldId(key)}-hint`
}

/** `aria-describedby` for a control: its hint, then its error, whichever are shown. */
export function describedBy(key: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? hintId(key) : null, error ? errorId(key) : null].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}

/** The message under a field; `live` announces it at once (for checks that run as a file is picked). */
export function FieldError({
  name,
  message,
  live = false,
}: {
  name: string
  message: string | undefined
  live?: boolean
}) {
  if (!message) return null
  return (
    <p id={errorId(name)} className="reg-field__error" role={live ? 'alert' : undefined}>
      <ErrorIcon />
      <span>{message}</span>
    </p>
  )
}

export function FieldHint({ name, children }: { name: string; children: ReactNode }) {
  return (
    <p id={hintId(name)} className="reg-field__hint">
      {children}
    </p>
  )
}

type TextFieldProps = {
  name: string
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | undefined
  hint?: ReactNode
  /** Shown after the label (e.g. a link to look the value up). */
  aside?: ReactNode
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'onChange' | 'id'>

export function TextField({ name, label, value, onChange, error, hint, aside, ...input }: TextFieldProps) {
  return (
    <div className="reg-field" data-invalid={error ? 'true' : undefined}>
      <div className="reg-field__label-row">
        <label className="reg-field__label" htmlFor={fieldId(name)}>
          {label}
        </label>
        {aside}
      </div>
      {hint ? <FieldHint name={name}>{hint}</FieldHint> : null}
      <input
        {...input}
        id={fieldId(name)}
        name={name}
        className="reg-input"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, Boolean(hint), Boolean(error))}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      <FieldError name={name} message={error} />
    </div>
  )
}

type TextAreaFieldProps = {
  name: string
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | undefined
  hint?: ReactNode
  rows: number
  maxLength: number
}

/** Free text over several lines (a reason, the content of a feedback), with its hint and error. */
export function TextAreaField({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  rows,
  maxLength,
}: TextAreaFieldProps) {
  return (
    <LabelledField name={name} label={label} error={error} hint={hint}>
      <textarea
        id={fieldId(name)}
        name={name}
        className="reg-input pubsvc-textarea"
        rows={rows}
        maxLength={maxLength}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, Boolean(hint), Boolean(error))}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </LabelledField>
  )
}

/**
 * The frame of a labelled control: label, hint, the control, error. The control itself points at the
 * hint and the error (`describedBy`), so the frame gives it nothing but its place.
 */
function LabelledField({
  name,
  label,
  error,
  hint,
  children,
}: {
  name: string
  label: string
  error?: string | undefined
  hint?: ReactNode
  children: ReactNode
}) {
  return (
    <div className="reg-field" data-invalid={error ? 'true' : undefined}>
      <label className="reg-field__label" htmlFor={fieldId(name)}>
        {label}
      </label>
      {hint ? <FieldHint name={name}>{hint}</FieldHint> : null}
      {children}
      <FieldError name={name} message={error} />
    </div>
  )
}

export type SelectOption = { value: string; label: string }

type SelectFieldProps = {
  name: string
  label: string
  value: string
  options: SelectOption[]
  onChange: (value: string) => void
  /** First, empty option ("Chọn tỉnh/thành phố"); while loading it says so instead. */
  placeholder: string
  error?: string | undefined
  hint?: ReactNode
  disabled?: boolean
}

export function SelectField({
  name,
  label,
  value,
  options,
  onChange,
  placeholder,
  error,
  hint,
  disabled,
}: SelectFieldProps) {
  // A stored value not (yet) in the list still shows as chosen instead of silently becoming empty.
  const known = value === '' || options.some((option) => option.value === value)
  return (
    <LabelledField name={name} label={label} error={error} hint={hint}>
      <select
        id={fieldId(name)}
        name={name}
        className="reg-input reg-select"
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, Boolean(hint), Boolean(error))}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value="">{placeholder}</option>
        {known ? null : <option value={value}>{value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledField>
  )
}

type SegmentedChoiceProps<T extends string> = {
  name: string
  legend: string
  options: { value: T; label: string }[]
  value: T
  onChange: (value: T) => void
  error?: string | undefined
  /** Short labels side by side; without it each option takes a full row. */
  columns?: 3
}

/** A few radio buttons drawn as one segmented control, under their legend. */
export function SegmentedChoice<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  error,
  columns,
}: SegmentedChoiceProps<T>) {
  return (
    <fieldset
      className="reg-choice-group"
      id={fieldId(name)}
      aria-describedby={describedBy(name, false, Boolean(error))}
    >
      <legend className="reg-field__label">{legend}</legend>
      <div className={columns ? `reg-segmented reg-segmented--${columns}` : 'reg-segmented'}>
        {options.map((option) => (
          <label key={option.value} className="reg-segmented__option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldError name={name} message={error} />
    </fieldset>
  )
}

/** "Tôi cam đoan…": the declaration's commitment, without which it is not sent (field `agreed`). */
export function CommitmentField({
  label,
  checked,
  disabled = false,
  error,
  onChange,
}: {
  label: string
  checked: boolean
  disabled?: boolean
  error: string | undefined
  onChange: (checked: boolean) => void
}) {
  return (
    <div className="reg-commitment" data-invalid={error ? 'true' : undefined}>
      <input
        id={fieldId('agreed')}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy('agreed', false, Boolean(error))}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label htmlFor={fieldId('agreed')}>{label}</label>
      <FieldError name="agreed" message={error} />
    </div>
  )
}

/** The phone box of every form: the phone keypad, and the national number as browsers autofill it. */
export const phoneInput = {
  type: 'tel',
  inputMode: 'tel',
  autoComplete: 'tel-national',
  maxLength: 20,
} as const

/**
 * The list of a step's errors at its top. It takes focus when the person tries to go on (and when the
 * server sent them back here), so a screen reader reads what to fix; each entry jumps to its field.
 */
export function ErrorSummary({
  errors,
  labels,
  focusSignal,
  notice = null,
}: {
  errors: FieldErrors
  labels: Record<string, string>
  focusSignal: number
  /** A sentence from the server that explains the errors (e.g. why a CONFLICT happened). */
  notice?: string | null
}) {
  const { t } = useTranslation()
  const box = useRef<HTMLDivElement>(null)
  const entries = Object.entries(errors).filter(([, messages]) => messages.length > 0)
  useFocusOnSignal(box, focusSignal, entries.length > 0)
  if (entries.length === 0) return null
  return (
    <div ref={box} className="reg-alert reg-alert--error" role="alert" tabIndex={-1}>
      {notice ? <p className="reg-alert__notice">{notice}</p> : null}
      <p className="reg-alert__title">{t('registration.errors.summaryTitle')}</p>
      <ul className="reg-alert__list">
        {entries.map(([key, messages]) => (
          <li key={key}>
            <a
              href={`#${fieldId(key)}`}
              onClick={(event) => {
                const target = document.getElementById(fieldId(key))
                if (!target) return
                event.preventDefault()
                target.focus()
                target.scrollIntoView({ block: 'center' })
              }}
            >
              {labels[key] ? `${labels[key]}: ` : ''}
              {messages[0]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/**
 * A form checked by the page's own code: the browser's bubbles are switched off (`noValidate`; they
 * speak the phone's language, not the page's, and do not reach screen readers the same way), and the
 * page is not reloaded on send.
 */
export function CheckedForm({
  className = 'reg-form',
  onSubmit,
  children,
}: {
  className?: string
  onSubmit: () => void
  children: ReactNode
}) {
  return (
    <form
      className={className}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        onSubmit()
      }}
    >
      {children}
    </form>
  )
}

/**
 * Focuses `target` whenever `signal` changes (and `when` holds). Deferred to the next frame: the page
 * layout focuses the new page's heading in its own effect, which runs after ours.
 */
export function useFocusOnSignal(target: RefObject<HTMLElement | null>, signal: number, when = true) {
  useEffect(() => {
    if (signal === 0 || !when) return
    const frame = requestAnimationFrame(() => {
      target.current?.focus()
      target.current?.scrollIntoView({ block: 'start' })
    })
    return () => cancelAnimationFrame(frame)
  }, [signal, when, target])
}

export function ErrorIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="reg-icon">
      <circle cx="10" cy="10" r="8.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M10 5.5v5.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <circle cx="10" cy="14" r="1.1" fill="currentColor" />
    </svg>
  )
}

export function CheckIcon({ className = 'reg-icon' }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className={className}>
      <path
        d="M4.5 10.5l3.5 3.5 7.5-8"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}
