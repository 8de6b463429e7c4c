import type { ComponentProps } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from './field'

/**
 * A search panel: its fields (`children`) and, after them, the one button that searches. The rest of
 * the props go to the `<form>` (its name, its submit handler, `hidden` for a panel that folds away).
 */
export function SearchForm({
  className,
  submitLabel,
  children,
  ...form
}: ComponentProps<'form'> & { submitLabel: string }) {
  return (
    <form className={className ? `staff-search ${className}` : 'staff-search'} {...form}>
      {children}
      <div className="staff-search__actions">
        <button type="submit" className="as-button as-button--primary">
          {submitLabel}
        </button>
      </div>
    </form>
  )
}

/**
 * A filter picked from a list, "Tất cả" (no filter) first: `value` is the one the address holds, and
 * `labelOf` names each choice.
 */
export function SelectFilter<Choice extends string>({
  label,
  name,
  value,
  choices,
  labelOf,
}: {
  label: string
  name: string
  value: string | undefined
  choices: readonly Choice[]
  labelOf: (choice: Choice) => string
}) {
  const { t } = useTranslation()
  return (
    <Field label={label}>
      {(control) => (
        <select {...control} name={name} defaultValue={value ?? ''}>
          <option value="">{t('list.all')}</option>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {labelOf(choice)}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
