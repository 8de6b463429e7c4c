import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useModalDialog } from '../shared/use-modal-dialog'

/** A photo at full size in a modal dialog, with zoom and a quarter-turn rotation (CSS transform). */
export function PhotoViewer({ src, label, onClose }: { src: string; label: string; onClose: () => void }) {
  const { t } = useTranslation()
  const dialog = useModalDialog()
  const [zoom, setZoom] = useState(1)
  const [turn, setTurn] = useState(0)

  return (
    <dialog ref={dialog} className="staff-viewer" aria-label={label} onClose={onClose}>
      <div className="staff-viewer__tools">
        <span className="staff-viewer__title">{label}</span>
        <button
          type="button"
          className="as-button as-button--secondary"
          onClick={() => setZoom((value) => Math.min(4, value + 0.25))}
        >
          {t('detail.zoomIn')}
        </button>
        <button
          type="button"
          className="as-button as-button--secondary"
          onClick={() => setZoom((value) => Math.max(0.5, value - 0.25))}
        >
          {t('detail.zoomOut')}
        </button>
        <button
          type="button"
          className="as-button as-button--secondary"
          onClick={() => setTurn((value) => (value + 90) % 360)}
        >
          {t('detail.rotate')}
        </button>
        <button
          type="button"
          className="as-button as-button--primary"
          onClick={() => dialog.current?.close()}
        >
          {t('detail.close')}
        </button>
      </div>
      <div className="staff-viewer__stage">
        <img src={src} alt={label} style={{ transform: `scale(${zoom}) rotate(${turn}deg)` }} />
      </div>
    </dialog>
  )
}
