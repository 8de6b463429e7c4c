import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'

/**
 * A column header: most are only their label; one that sorts the table says which way (`aria-sort`),
 * and one whose label is not text (a button, a hidden label) names itself with `key`.
 */
export type Column = string | { key: string; label: ReactNode; sort?: 'ascending' | 'descending' }

/**
 * A table of records in its scrolling frame: the caption names it for assistive technology (shown,
 * or only read where the section's heading already says it), `columns` are the column headers and
 * `children` the rows.
 */
export function DataTable({
  caption,
  captionHidden = false,
  columns,
  children,
}: {
  caption: string
  captionHidden?: boolean
  columns: readonly Column[]
  children: ReactNode
}) {
  return (
    <div className="staff-table-wrap">
      <table className="staff-table">
        <caption className={captionHidden ? 'as-visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.key} scope="col" aria-sort={column.sort}>
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}

/** A row that opens its record on a double click, or Enter while the row itself has the focus. */
export function OpenableRow({ onOpen, children }: { onOpen: () => void; children: ReactNode }) {
  return (
    <tr
      tabIndex={0}
      className="staff-table__row"
      onDoubleClick={onOpen}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target === event.currentTarget) onOpen()
      }}
    >
      {children}
    </tr>
  )
}

/**
 * Where the rows of a list at `list` (its address) lead: each record at `list/<id>`, carrying the way
 * `back` to this search. `linkTo` gives a `<Link>` its props; `open` goes there (an `OpenableRow`).
 */
export function useRecordLinks(list: string, query: string) {
  const navigate = useNavigate()
  const back = `${list}?${query}`
  const linkTo = (id: number) => ({ to: `${list}/${id}`, state: { back } })
  const open = (id: number) => void navigate(`${list}/${id}`, { state: { back } })
  return { back, linkTo, open }
}

function ActionsLabel() {
  const { t } = useTranslation()
  return <span className="as-visually-hidden">{t('list.actions')}</span>
}

/** The header of the last column, whose cells are `ViewCell`s: read, not shown. */
export const actionsColumn: Column = { key: 'actions', label: <ActionsLabel /> }

/** "Xem": the cell that links to the row's record; `label` names the record for assistive technology. */
export function ViewCell({ to, state, label }: { to: string; state: { back: string }; label: string }) {
  const { t } = useTranslation()
  return (
    <td>
      <Link to={to} state={state} aria-label={label}>
        {t('list.view')}
      </Link>
    </td>
  )
}
