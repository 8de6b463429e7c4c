import { currentUnitsLine } from '@ansinh/domain'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RecordsPage, StoredRecordContent } from '../my-records/record-parts'
import { SubjectSwitch } from '../my-records/subject-switch'
import { useCitizenSession } from '../session/session'
import { HealthCardFace } from './health-card-face'
import './health-card.css'
import { useStoredRecord } from '../my-records/use-stored-record'
import { LandscapeCard } from './landscape-card'

/**
 * "Thẻ BHYT": the e-card with its QR code, for a parent also a child's (the switch), in landscape on
 * demand, and without network as last loaded on this device.
 */
export function HealthCardPage() {
  const { t } = useTranslation()
  const { state: session } = useCitizenSession()
  const { state, reload } = useStoredRecord('card')
  const [landscape, setLandscape] = useState(false)
  const rotateButton = useRef<HTMLButtonElement>(null)

  // Back from the landscape view, the focus returns to the button that opened it (once the modal,
  // which keeps the focus inside itself, is gone).
  const wasLandscape = useRef(false)
  useEffect(() => {
    if (wasLandscape.current && !landscape) rotateButton.current?.focus()
    wasLandscape.current = landscape
  }, [landscape])

  return (
    <RecordsPage title={t('services.healthCard.title')}>
      {/* The children's list needs the session; started without network, the person's own card only. */}
      {session.status === 'signedIn' ? <SubjectSwitch /> : null}
      <StoredRecordContent state={state} reload={reload} offlineEmpty={t('healthCard.offlineEmpty')}>
        {(card) => (
          <>
            <HealthCardFace card={card} />
            {/* Under the card, not on it: the card shows the address as recorded, like the plastic one. */}
            {card.currentUnits ? (
              <p className="hc-current-units">
                <span className="hc-current-units__label">{t('records.profile.currentUnits')}:</span>{' '}
                {currentUnitsLine(card.currentUnits, t('records.profile.currentUnitsOr'))}
              </p>
            ) : null}
            <div className="hc-actions">
              <button
                ref={rotateButton}
                type="button"
                className="as-button as-button--primary"
                onClick={() => setLandscape(true)}
              >
                <RotateIcon />
                {t('healthCard.rotate')}
              </button>
              <p className="hc-actions__hint">{t('healthCard.rotateHint')}</p>
            </div>
            {landscape ? <LandscapeCard card={card} onClose={() => setLandscape(false)} /> : null}
          </>
        )}
      </StoredRecordContent>
    </RecordsPage>
  )
}

/** A card on its side, with the arrow of a quarter turn. */
function RotateIcon() {
  return (
    <svg className="hc-actions__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <g fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <rect x="2.5" y="10" width="15" height="10" rx="1.8" />
        <path d="M9 4.5a8 8 0 0 1 11 5.5" />
        <path d="M21.5 7 20 10l-3-1.5" />
      </g>
    </svg>
  )
}
