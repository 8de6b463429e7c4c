import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'

type ConfirmDialogProps = {
  title: string
  body: string
  confirmLabel: string
  onConfirm: () => void
  /** Called on "Hủy", Escape, or after `onConfirm` (the dialog closes either way). */
  onClose: () => void
}

/**
 * A modal question before an action on someone else's account. Focus starts on "Hủy", so that a
 * stray Enter changes nothing; closing returns focus to the button that opened it (the browser's
 * own behaviour for a modal `<dialog>`).
 */
export function ConfirmDialog({ title, body, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation()
  const dialog = useRef<HTMLDialogElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  const ids = { title: useId(), body: useId() }

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    cancel.current?.focus()
    return () => element?.close()
  }, [])

  return (
    <dialog
      ref={dialog}
      className="staff-dialog"
      aria-labelledby={ids.title}
      aria-describedby={ids.body}
      // StrictMode's second mount reopens the dialog before the first close event arrives: ignore it.
      onClose={() => {
        if (!dialog.current?.open) onClose()
      }}
    >
      <h2 id={ids.title} className="staff-dialog__title">
        {title}
      </h2>
      <p id={ids.body}>{body}</p>
      <div className="staff-actions">
        <button
          type="button"
          className="as-button as-button--primary"
          onClick={() => {
            onConfirm()
            dialog.current?.close()
          }}
        >
          {confirmLabel}
        </button>
        <button
          ref={cancel}
          type="button"
          className="as-button as-button--secondary"
          onClick={() => dialog.current?.close()}
        >
          {t('staffAccounts.cancel')}
        </button>
      </div>
    </dialog>
  )
}
