import { useId } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Recovery codes the server shows once (at enrolment, or when renewed), with the "I have saved them"
 * box the page waits for before it lets the person go on.
 */
export function RecoveryCodes({
  codes,
  saved,
  onSavedChange,
}: {
  codes: string[]
  saved: boolean
  onSavedChange: (saved: boolean) => void
}) {
  const { t } = useTranslation()
  const savedId = useId()
  return (
    <>
      <ul className="staff-recovery-codes" translate="no">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="staff-check">
        <input
          id={savedId}
          type="checkbox"
          checked={saved}
          onChange={(event) => onSavedChange(event.target.checked)}
        />
        <label htmlFor={savedId}>{t('signIn.saved')}</label>
      </div>
    </>
  )
}
