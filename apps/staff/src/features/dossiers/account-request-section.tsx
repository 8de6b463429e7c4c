import { type AccountRef, type AccountRequestView, type CurrentUnits, currentUnitsLine } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import { FieldRow } from '../shared/field-row'

/**
 * What a child, change or stop dossier asks for (seed 002, "Màn hình chi tiết hồ sơ đăng ký thay đổi
 * thông tin"): the account that filed it, and for a change the current value beside the requested one.
 */
export function AccountRequestSection({ request }: { request: AccountRequestView | null }) {
  const { t } = useTranslation()
  if (!request) return null
  return (
    <section aria-labelledby="detail-request" className="staff-card">
      <h2 id="detail-request">{t('detail.request.title')}</h2>
      <dl className="staff-dl">
        {request.kind === 'child' ? (
          <AccountRow label={t('detail.request.guardian')} account={request.guardian} />
        ) : (
          <AccountRow label={t('detail.request.account')} account={request.account} />
        )}
        {request.kind === 'stop' && <FieldRow label={t('detail.request.reason')}>{request.reason}</FieldRow>}
      </dl>
      {request.kind === 'change' && (
        <table className="staff-table staff-compare">
          <caption>{t('detail.request.changes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('detail.field')}</th>
              <th scope="col">{t('detail.request.before')}</th>
              <th scope="col">{t('detail.request.after')}</th>
            </tr>
          </thead>
          <tbody>
            {request.changes.map((change) => (
              <tr key={change.field} className="staff-compare__differs">
                <th scope="row">{t(`detail.request.fields.${change.field}`)}</th>
                <td>
                  {change.before ?? '—'}
                  <UnitsNow units={change.beforeUnits} />
                </td>
                <td>
                  {change.after ?? t('detail.request.removed')}
                  <UnitsNow units={change.afterUnits} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** Under an address in old units, the units it lies in now ("Nay thuộc …"), as on the dossier. */
function UnitsNow({ units }: { units: CurrentUnits | null }) {
  const { t } = useTranslation()
  if (!units) return null
  return (
    <span className="staff-compare__units">
      {t('common.currentUnits')}: {currentUnitsLine(units, t('common.or'))}
    </span>
  )
}

function AccountRow({ label, account }: { label: string; account: AccountRef }) {
  const { t } = useTranslation()
  return (
    <FieldRow label={label}>
      <span translate="no">{account.bhxhCode}</span> — {account.fullName} (
      {t(`detail.request.accountStatus.${account.status}`)})
    </FieldRow>
  )
}
