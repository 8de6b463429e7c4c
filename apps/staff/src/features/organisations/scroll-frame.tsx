import type { ComponentProps } from 'react'
import { DataTable } from '../shared/data-table'

/**
 * A `DataTable` whose horizontal scroll is reachable by keyboard: the frame takes the focus (Tab,
 * then the arrow keys scroll it) and is named by the table's caption. For tables without links or
 * buttons, which otherwise give the keyboard nothing to hold on a phone's narrow screen.
 */
export function WideTable(props: ComponentProps<typeof DataTable>) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="organisations__scroll" aria-label={props.caption} tabIndex={0}>
      <DataTable {...props} />
    </section>
  )
}
