import type { ReactNode } from 'react'

/**
 * A table of records in its scrolling frame: the caption names it for assistive technology (shown,
 * or only read where the section's heading already says it), `head` holds the column headers and
 * `children` the rows.
 */
export function DataTable({
  caption,
  captionHidden = false,
  head,
  children,
}: {
  caption: string
  captionHidden?: boolean
  head: ReactNode
  children: ReactNode
}) {
  return (
    <div className="staff-table-wrap">
      <table className="staff-table">
        <caption className={captionHidden ? 'as-visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}
