import { useEffect, useRef } from 'react'

/**
 * Shows its `<dialog>` as a modal while the component is mounted: focus is trapped in it, Escape
 * closes it, and the page behind is hidden from assistive technology. Closing (Escape, a close
 * button calling `close()`) fires the dialog's `onClose`, where the page unmounts it.
 */
export function useModalDialog() {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    // No close() on unmount: removing the element ends the modal. A close() here would also fire a
    // close event late, after StrictMode's second mount has opened the dialog again, and `onClose`
    // would shut it right after it opened.
  }, [])
  return dialog
}
