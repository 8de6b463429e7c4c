import {
  currentUnitsLine,
  dossierStatusLabels,
  formatMobilePhone,
  type PasswordChannel,
} from '@ansinh/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { useFailureMessage } from '../session/failure-message'
import { useLanguage, useStaff } from '../session/session'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { DataTable } from '../shared/data-table'
import { FieldRow } from '../shared/field-row'
import { dateTime } from '../shared/format'
import { type Notice, NoticeBox } from '../shared/notice'
import { usePageTitle } from '../shared/page-title'
import { RecordPending, useBackPath, useRecord } from '../shared/record'
import { AccountFields } from './account-fields'
import { type AccountAction, actOnAccount, getAccount } from './api'

// The i18n group of each action's button, dialog and success message.
const copyOf = {
  lock: 'lock',
  unlock: 'unlock',
  'reset-password': 'reset',
  'sign-out-everywhere': 'signOut',
} as const satisfies Record<AccountAction, string>

/**
 * One account: the person, status, signed-in devices, recent dossiers, and what staff can do —
 * lock or unlock with a reason, send a new one-time password to the person (never shown here), and
 * sign out every device. Each action asks first in a dialog.
 */
export function AccountDetailPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const failureMessage = useFailureMessage()
  const location = useLocation()
  const { record: account, setRecord: setAccount, load } = useRecord(getAccount)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [dialog, setDialog] = useState<AccountAction | null>(null)
  const [busy, setBusy] = useState(false)
  const back = useBackPath('/accounts')
  usePageTitle(account?.fullName ?? t('accounts.title'))

  if (!account) {
    return (
      <RecordPending
        load={load}
        title={t('accounts.title')}
        missing={{ title: t('accounts.notFound'), body: t('accounts.notFoundBody') }}
        back={{ to: back, label: t('accounts.back') }}
      />
    )
  }

  const current = account
  const stopped = current.status === 'stopped'
  const locked = current.status === 'locked'

  // "số điện thoại 0901 234 567 và thư điện tử …": where a new password goes.
  function destination(channels: PasswordChannel[]): string {
    const parts = channels.map((channel) =>
      channel === 'sms'
        ? t('accounts.toPhone', { phone: formatMobilePhone(current.phone ?? '') })
        : t('accounts.toEmail', { email: current.email ?? '' }),
    )
    return parts.join(` ${t('accounts.and')} `)
  }
  const contacts: PasswordChannel[] = [
    ...(current.phone ? ['sms' as const] : []),
    ...(current.email ? ['email' as const] : []),
  ]

  async function confirm(action: AccountAction, reason: string | undefined) {
    setBusy(true)
    const result = await actOnAccount(current.id, action, reason, staff.csrfToken, language)
    setBusy(false)
    setDialog(null)
    if (!result.ok) {
      setNotice({ kind: 'error', message: failureMessage(result.error) })
      return
    }
    const { account: next, endedSessions, sentBy } = result.value
    setAccount(next)
    setNotice({
      kind: 'success',
      message: t(`accounts.actions.${copyOf[action]}.done`, {
        count: endedSessions,
        to: destination(sentBy),
      }),
    })
  }

  const open = (action: AccountAction) => () => {
    setNotice(null)
    setDialog(action)
  }
  const copy = dialog ? copyOf[dialog] : null

  return (
    <div className="staff-page staff-detail">
      <h1 className="staff-page__title">
        {t('accounts.title')}: {current.fullName}
      </h1>

      <NoticeBox notice={notice} />

      <section aria-labelledby="account-fields" className="staff-card">
        <h2 id="account-fields">{t('accounts.fields')}</h2>
        <AccountFields account={current}>
          <FieldRow label={t('accounts.address')}>{current.address || null}</FieldRow>
          {current.currentUnits ? (
            <FieldRow label={t('common.currentUnits')}>
              {currentUnitsLine(current.currentUnits, t('common.or'))}
            </FieldRow>
          ) : null}
          <FieldRow label={t('accounts.passwordChangedAt')}>
            {current.passwordChangedAt ? dateTime(current.passwordChangedAt) : null}
          </FieldRow>
          <FieldRow label={t('accounts.statusReason')}>{current.statusReason}</FieldRow>
          <FieldRow label={t('accounts.statusChangedAt')}>
            {current.statusChangedAt ? dateTime(current.statusChangedAt) : null}
          </FieldRow>
        </AccountFields>
      </section>

      <section aria-labelledby="account-devices" className="staff-card">
        <h2 id="account-devices">{t('accounts.devices')}</h2>
        {current.devices.length === 0 ? (
          <p>{t('accounts.noDevices')}</p>
        ) : (
          <DataTable
            caption={t('accounts.devices')}
            captionHidden
            columns={[
              t('accounts.device'),
              t('accounts.ip'),
              t('accounts.signedInAt'),
              t('accounts.lastSeenAt'),
            ]}
          >
            {current.devices.map((device) => (
              <tr key={device.id}>
                <td>{device.deviceName ?? t('accounts.unknownDevice')}</td>
                <td translate="no">{device.ip ?? '—'}</td>
                <td>{dateTime(device.signedInAt)}</td>
                <td>{dateTime(device.lastSeenAt)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="account-dossiers" className="staff-card">
        <h2 id="account-dossiers">{t('accounts.dossiers')}</h2>
        {current.dossiers.length === 0 ? (
          <p>{t('accounts.noDossiers')}</p>
        ) : (
          <DataTable
            caption={t('accounts.dossiers')}
            captionHidden
            columns={[
              t('list.dossierNumber'),
              t('list.kind'),
              t('list.status'),
              t('accounts.office'),
              t('list.submittedAt'),
            ]}
          >
            {current.dossiers.map((dossier) => (
              <tr key={dossier.id}>
                <td translate="no">
                  {dossier.openable ? (
                    <Link to={`/dossiers/${dossier.id}`} state={{ back: location.pathname }}>
                      {dossier.dossierNumber}
                    </Link>
                  ) : (
                    dossier.dossierNumber
                  )}
                </td>
                <td>{t(`dossier.kinds.${dossier.kind}`)}</td>
                <td>{dossierStatusLabels[language][dossier.status]}</td>
                <td translate="no">{dossier.officeCode}</td>
                <td>{dateTime(dossier.submittedAt)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="account-actions" className="staff-card">
        <h2 id="account-actions">{t('accounts.actionsTitle')}</h2>
        {stopped && <p>{t('accounts.stoppedNote')}</p>}
        {locked && <p>{t('accounts.lockedNote')}</p>}
        <div className="staff-actions">
          {locked ? (
            <button type="button" className="as-button as-button--secondary" onClick={open('unlock')}>
              {t('accounts.actions.unlock.button')}
            </button>
          ) : (
            <button
              type="button"
              className="as-button as-button--secondary"
              disabled={stopped}
              onClick={open('lock')}
            >
              {t('accounts.actions.lock.button')}
            </button>
          )}
          <button
            type="button"
            className="as-button as-button--secondary"
            disabled={stopped || locked || contacts.length === 0}
            onClick={open('reset-password')}
          >
            {t('accounts.actions.reset.button')}
          </button>
          <button
            type="button"
            className="as-button as-button--secondary"
            disabled={current.activeDevices === 0}
            onClick={open('sign-out-everywhere')}
          >
            {t('accounts.actions.signOut.button')}
          </button>
          <Link to={back} className="as-button as-button--secondary">
            {t('accounts.back')}
          </Link>
        </div>
      </section>

      {dialog && copy && (
        <ConfirmDialog
          title={t(`accounts.actions.${copy}.title`)}
          confirmLabel={t(`accounts.actions.${copy}.confirm`)}
          askReason={dialog === 'lock' || dialog === 'unlock'}
          busy={busy}
          onConfirm={(reason) => void confirm(dialog, reason)}
          onClose={() => setDialog(null)}
        >
          <p>
            {t(`accounts.actions.${copy}.body`, { count: current.activeDevices, to: destination(contacts) })}
          </p>
        </ConfirmDialog>
      )}
    </div>
  )
}
