import type { AccountRef, AccountRequestView } from '@ansinh/domain'
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
                <td>{change.before ?? '—'}</td>
                <td>{change.after ?? t('detail.request.removed')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
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
