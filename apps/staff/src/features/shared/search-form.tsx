import type { ComponentProps } from 'react'

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
