import { AccountActionReason } from '@ansinh/domain'
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ReasonField } from './reason-field'
import { useModalDialog } from './use-modal-dialog'

type ConfirmDialogProps = {
  title: string
  /** What will happen. */
  children: ReactNode
  confirmLabel: string
  /** Asks why, for the record (the rule of every stated reason: 5–500 characters). */
  askReason?: boolean
  /** The action is running: the dialog stays, its confirm button off, until the page removes it. */
  busy: boolean
  /** The reason, when asked; the page runs the action, then removes the dialog. */
  onConfirm: (reason: string | undefined) => void
  /** "Hủy" or Escape: nothing changes. */
  onClose: () => void
}

/**
 * Asks before an action on someone's account, in a modal dialog. Focus starts on the reason, or on
 * "Hủy" when there is none, so that a stray Enter changes nothing. "Hủy" and Escape return focus to
 * the button that opened it (the browser's own behaviour for a modal `<dialog>`); after the action,
 * the page's notice takes it.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  askReason = false,
  busy,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const { t } = useTranslation()
  const dialog = useModalDialog()
  const reasonField = useRef<HTMLTextAreaElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  const [reason, setReason] = useState('')
  const [invalid, setInvalid] = useState(false)
  const ids = { title: useId(), body: useId() }

  useEffect(() => {
    const start = reasonField.current ?? cancel.current
    start?.focus()
  }, [])

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!askReason) {
      onConfirm(undefined)
      return
    }
    const parsed = AccountActionReason.safeParse({ reason })
    setInvalid(!parsed.success)
    if (parsed.success) onConfirm(parsed.data.reason)
  }

  return (
    <dialog
      ref={dialog}
      className="staff-dialog"
      aria-labelledby={ids.title}
      aria-describedby={ids.body}
      onClose={onClose}
    >
      <form className="staff-dialog__form" onSubmit={onSubmit} noValidate>
        <h2 id={ids.title} className="staff-dialog__title">
          {title}
        </h2>
        <div id={ids.body}>{children}</div>
        {askReason && (
          <ReasonField
            ref={reasonField}
            label={t('confirmDialog.reason')}
            hint={t('confirmDialog.reasonHint')}
            error={invalid ? t('confirmDialog.reasonRequired') : null}
            value={reason}
            onChange={setReason}
            rows={3}
          />
        )}
        <div className="staff-actions">
          <button type="submit" className="as-button as-button--primary" disabled={busy}>
            {confirmLabel}
          </button>
          <button
            ref={cancel}
            type="button"
            className="as-button as-button--secondary"
            onClick={() => dialog.current?.close()}
          >
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
