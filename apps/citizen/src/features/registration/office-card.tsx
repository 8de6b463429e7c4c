import { useTranslation } from 'react-i18next'
import type { OfficeDetails } from './api'
import { type OfficeTreeIndex, officePath } from './office-tree'
import { useOffice } from './use-directory'

/** The chosen office: where it sits in the tree, its address, phone and opening hours. */
export function OfficeCard({
  code,
  index,
  suggested,
}: {
  code: string
  index: OfficeTreeIndex
  suggested: boolean
}) {
  const { t } = useTranslation()
  const details = useOffice(code)
  return (
    <div className="reg-office" aria-live="polite">
      {suggested ? <p className="reg-office__suggested">{t('registration.office.suggested')}</p> : null}
      <p className="reg-office__path">{officePath(index, code)}</p>
      {details.status === 'ok' ? <OfficeContactList office={details.data} /> : null}
    </div>
  )
}

export function OfficeContactList({
  office,
}: {
  office: Pick<OfficeDetails, 'address' | 'phone' | 'openingHours'>
}) {
  const { t } = useTranslation()
  return (
    <dl className="reg-office__details">
      {office.address ? (
        <div>
          <dt>{t('registration.office.address')}</dt>
          <dd>{office.address}</dd>
        </div>
      ) : null}
      {office.phone ? (
        <div>
          <dt>{t('registration.office.phone')}</dt>
          <dd>
            <a href={`tel:${office.phone.replace(/[^\d+]/g, '')}`}>{office.phone}</a>
          </dd>
        </div>
      ) : null}
      {office.openingHours ? (
        <div>
          <dt>{t('registration.office.openingHours')}</dt>
          <dd>{office.openingHours}</dd>
        </div>
      ) : null}
    </dl>
  )
}
