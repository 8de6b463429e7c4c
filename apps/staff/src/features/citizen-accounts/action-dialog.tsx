import { AccountActionReason } from '@ansinh/domain'
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Asks before an action on an account, in a modal dialog: what will happen and, for lock and
 * unlock, the reason (checked with the API's own schema). Focus starts on the reason, or on "Hủy"
 * when there is none, so that a stray Enter changes nothing; Escape or "Hủy" closes it unchanged.
 */
export function ActionDialog({
  title,
  children,
  confirmLabel,
  askReason,
  busy,
  onConfirm,
  onClose,
}: {
  title: string
  children: ReactNode
  confirmLabel: string
  askReason: boolean
  busy: boolean
  onConfirm: (reason: string | undefined) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const dialog = useRef<HTMLDialogElement>(null)
  const reasonField = useRef<HTMLTextAreaElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  const [reason, setReason] = useState('')
  const [invalid, setInvalid] = useState(false)
  const ids = { title: useId(), body: useId(), reason: useId(), hint: useId(), error: useId() }

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    const start = reasonField.current ?? cancel.current
    start?.focus()
    return () => element?.close()
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
      // StrictMode's second mount reopens the dialog before the first close event arrives: ignore it.
      onClose={() => {
        if (!dialog.current?.open) onClose()
      }}
    >
      <form className="staff-dialog__form" onSubmit={onSubmit} noValidate>
        <h2 id={ids.title} className="staff-dialog__title">
          {title}
        </h2>
        <div id={ids.body}>{children}</div>
        {askReason && (
          <div className="staff-field">
            <label htmlFor={ids.reason}>{t('accounts.reason')}</label>
            <textarea
              ref={reasonField}
              id={ids.reason}
              value={reason}
              rows={3}
              maxLength={500}
              required
              aria-required="true"
              aria-invalid={invalid ? true : undefined}
              aria-describedby={invalid ? `${ids.hint} ${ids.error}` : ids.hint}
              onChange={(event) => setReason(event.target.value)}
            />
            <p id={ids.hint} className="staff-field__hint">
              {t('accounts.reasonHint')}
            </p>
            {invalid && (
              <p id={ids.error} role="alert" className="staff-error">
                {t('accounts.reasonRequired')}
              </p>
            )}
          </div>
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
            {t('accounts.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
