import type { MyHealthCard } from '@ansinh/domain'
import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { HealthCardFace } from './health-card-face'

// `lock` is in the Screen Orientation spec and in Chromium on Android, but no longer in TypeScript's DOM
// types (Safari and Firefox lack it).
type LockableOrientation = ScreenOrientation & { lock?: (orientation: 'landscape') => Promise<void> }

/**
 * Full screen and turned to landscape where the browser allows it (Chromium on Android, from a tap);
 * elsewhere the CSS turns the card a quarter turn while the phone is held upright. Either way the card
 * fills the screen, for a hospital's scanner or the person at the counter. Returns a function that
 * undoes what it did.
 */
function enterLandscape(): () => void {
  let disposed = false
  let fullscreen = false
  let locked = false
  const undo = () => {
    if (locked) {
      try {
        screen.orientation.unlock()
      } catch {
        // Already unlocked with the full screen's end.
      }
    }
    if (fullscreen && document.fullscreenElement) document.exitFullscreen().catch(() => undefined)
    locked = false
    fullscreen = false
  }
  void (async () => {
    try {
      if (!document.fullscreenElement && document.fullscreenEnabled) {
        await document.documentElement.requestFullscreen({ navigationUI: 'hide' })
        fullscreen = true
      }
      const orientation = screen.orientation as LockableOrientation | undefined
      if (orientation?.lock) {
        await orientation.lock('landscape')
        locked = true
      }
    } catch {
      // Not allowed here (desktop, iOS, no user gesture): the CSS rotation stands in.
    }
    if (disposed) undo()
  })()
  return () => {
    disposed = true
    undo()
  }
}

/** The card alone on the screen, turned to landscape; Escape or the close button brings the page back. */
export function LandscapeCard({ card, onClose }: { card: MyHealthCard; onClose: () => void }) {
  const { t } = useTranslation()
  const titleId = useId()
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const element = dialog.current
    // A modal dialog traps focus, answers Escape and hides the page from assistive technology.
    if (element && !element.open) element.showModal()
    return enterLandscape()
  }, [])

  return (
    <dialog
      ref={dialog}
      className="hc-landscape"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let React unmount the dialog (and undo the full screen) rather than the browser hide it.
        event.preventDefault()
        onClose()
      }}
      onClose={onClose}
    >
      <div className="hc-landscape__stage">
        <div className="hc-landscape__bar">
          <h2 id={titleId} className="hc-landscape__title">
            {t('healthCard.landscapeTitle')}
          </h2>
          {/* biome-ignore lint/a11y/noAutofocus: the dialog's one control takes the focus as it opens */}
          <button type="button" className="as-button as-button--secondary" autoFocus onClick={onClose}>
            {t('healthCard.close')}
          </button>
        </div>
        <div className="hc-landscape__card">
          <HealthCardFace card={card} />
        </div>
      </div>
    </dialog>
  )
}
