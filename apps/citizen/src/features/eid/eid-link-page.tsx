import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { RecordsPage } from '../my-records/record-parts'
import { EidLinkSection } from './eid-link-section'
import { readEidLinkResult } from './outcome'

/**
 * `/account/eid`: where the callback sends the browser back after "Liên kết" on the profile. The
 * outcome first, then the link as it is now (read again), and the way back to the profile.
 */
export function EidLinkPage() {
  const { t } = useTranslation()
  const location = useLocation()
  const [result] = useState(() => readEidLinkResult(location.search))
  const notice = result ? { text: t(`eid.link.outcomes.${result.outcome}`), error: !result.success } : null
  return (
    <RecordsPage title={t('eid.link.pageTitle')}>
      <EidLinkSection notice={notice} />
      <p>
        <Link to="/profile">{t('eid.link.backToProfile')}</Link>
      </p>
    </RecordsPage>
  )
}
