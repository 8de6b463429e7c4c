import type { ReactNode } from 'react'

/** One row of a `<dl className="staff-dl">`: a label and its value, "—" when there is none. */
export function FieldRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="staff-dl__row">
      <dt>{label}</dt>
      <dd>{children ?? '—'}</dd>
    </div>
  )
}
