import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { describedBy, FieldError, FieldHint, fieldId } from '../registration/form-controls'

type PasswordFieldProps = {
  name: string
  label: string
  value: string
  onChange: (value: string) => void
  autoComplete: 'current-password' | 'new-password'
  error?: string | undefined
  hint?: ReactNode
  /** The id of an element that describes the box besides its hint and error (the checklist). */
  describedById?: string
}

/** A password box with "Hiện"/"Ẩn": on a phone keyboard a typo is easy and invisible. */
export function PasswordField({
  name,
  label,
  value,
  onChange,
  autoComplete,
  error,
  hint,
  describedById,
}: PasswordFieldProps) {
  const { t } = useTranslation()
  const [shown, setShown] = useState(false)
  const described = [describedBy(name, Boolean(hint), Boolean(error)), describedById]
    .filter(Boolean)
    .join(' ')
  return (
    <div className="reg-field" data-invalid={error ? 'true' : undefined}>
      <label className="reg-field__label" htmlFor={fieldId(name)}>
        {label}
      </label>
      <div className="auth-password">
        <input
          id={fieldId(name)}
          name={name}
          className="reg-input auth-password__input"
          type={shown ? 'text' : 'password'}
          value={value}
          autoComplete={autoComplete}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={256}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
        <button
          type="button"
          className="as-button as-button--ghost auth-password__toggle"
          aria-pressed={shown}
          aria-controls={fieldId(name)}
          aria-label={t('security.showPassword')}
          onClick={() => setShown((value) => !value)}
        >
          {t('security.showPasswordShort')}
        </button>
      </div>
      {hint ? <FieldHint name={name}>{hint}</FieldHint> : null}
      <FieldError name={name} message={error} />
    </div>
  )
}
