import type { OfficeView } from '@ansinh/domain'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
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
  office: Pick<OfficeView, 'address' | 'phone' | 'openingHours'>
}) {
  const { t } = useTranslation()
  return (
    <dl className="reg-office__details">
      {office.address ? <Detail term={t('registration.office.address')}>{office.address}</Detail> : null}
      {office.phone ? (
        <Detail term={t('registration.office.phone')}>
          <a href={`tel:${office.phone.replace(/[^\d+]/g, '')}`}>{office.phone}</a>
        </Detail>
      ) : null}
      {office.openingHours ? (
        <Detail term={t('registration.office.openingHours')}>{office.openingHours}</Detail>
      ) : null}
    </dl>
  )
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}
