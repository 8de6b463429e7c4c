import { type ReactNode, useEffect, useRef } from 'react'

/** The outcome of what the person just did; a conflict (409) offers to reload. */
export type Notice = { kind: 'success' | 'error' | 'conflict'; message: string }

/**
 * Where a page tells the outcome of an action, above its content. It takes focus when a new notice
 * comes, so that a screen reader reads it and the keyboard goes on from there; it takes no room
 * while empty. `children` follow the message (a way on: "Tải lại", "Bắt đầu làm việc").
 */
export function NoticeBox({ notice, children }: { notice: Notice | null; children?: ReactNode }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (notice) box.current?.focus()
  }, [notice])
  return (
    <div
      ref={box}
      tabIndex={-1}
      role={notice?.kind === 'success' ? 'status' : 'alert'}
      className={notice ? `staff-notice staff-notice--${notice.kind}` : 'staff-slot'}
    >
      {notice && (
        <>
          <p>{notice.message}</p>
          {children}
        </>
      )}
    </div>
  )
}
