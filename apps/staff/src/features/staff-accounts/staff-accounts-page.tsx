import { managesRole, type StaffAccountCreated, type StaffAccountView, type StaffRole } from '@ansinh/domain'
import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFailureMessage } from '../session/failure-message'
import { isAdministrator } from '../session/roles'
import { useLanguage, useStaff } from '../session/session'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { DataTable } from '../shared/data-table'
import { dateTime } from '../shared/format'
import { KeysetListView, useKeysetList } from '../shared/keyset-list'
import { type Notice, NoticeBox } from '../shared/notice'
import { NotAllowedPage } from '../shared/page-message'
import { usePageTitle } from '../shared/page-title'
import { actOnStaffAccount, listStaffAccounts, type StaffAccountAction } from './api'
import { OneTimePassword } from './one-time-password'
import { StaffAccountForm } from './staff-account-form'

type Panel = { kind: 'none' } | { kind: 'form' } | ({ kind: 'created' } & StaffAccountCreated)
type Pending = { account: StaffAccountView; action: StaffAccountAction } | null

/** "Quản trị" → "Cán bộ": for administrators; anyone else is told they may not. */
export function StaffAccountsPage() {
  const { t } = useTranslation()
  const { role } = useStaff()
  return isAdministrator(role) ? (
    <StaffAccounts actorRole={role} />
  ) : (
    <NotAllowedPage
      body={t('staffAccounts.notAllowed.body')}
      back={{ to: '/dossiers', label: t('staffAccounts.notAllowed.back') }}
    />
  )
}

/** A lock left by wrong passwords counts only until it runs out. */
function lockedUntil(account: StaffAccountView, now: number): string | null {
  return account.lockedUntil && Date.parse(account.lockedUntil) > now ? account.lockedUntil : null
}

/** The staff of the administrator's office tree, "Thêm cán bộ", and lock / unlock / reset per row. */
function StaffAccounts({ actorRole }: { actorRole: StaffRole }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const failureMessage = useFailureMessage()
  // The list in id order, from the first page; nothing in the address changes it.
  const { list, loadMore, editItems } = useKeysetList('', (cursor) => listStaffAccounts(cursor, language))
  const [panel, setPanel] = useState<Panel>({ kind: 'none' })
  const [notice, setNotice] = useState<Notice | null>(null)
  const [pending, setPending] = useState<Pending>(null)
  const [busy, setBusy] = useState(false)
  const addButton = useRef<HTMLButtonElement>(null)
  const panelId = useId()
  usePageTitle(t('staffAccounts.title'))

  function replace(account: StaffAccountView) {
    editItems((items) => items.map((item) => (item.id === account.id ? account : item)))
  }

  function created(result: StaffAccountCreated) {
    setNotice(null)
    setPanel({ kind: 'created', ...result })
    // The list runs in id order: the newest account belongs at its end, once that end is loaded.
    editItems((items, complete) => (complete ? [...items, result.account] : items))
  }

  function closePanel() {
    setPanel({ kind: 'none' })
    addButton.current?.focus()
  }

  async function act({ account, action }: NonNullable<Pending>) {
    setBusy(true)
    const result = await actOnStaffAccount(account.id, action, staff.csrfToken, language)
    setBusy(false)
    setPending(null)
    if (result.ok) {
      replace(result.value)
      setNotice({
        kind: 'success',
        message: t(`staffAccounts.done.${action}`, { username: account.username }),
      })
    } else {
      setNotice({ kind: 'error', message: failureMessage(result.error) })
    }
  }

  const now = Date.now()
  const manageable = (account: StaffAccountView) =>
    account.id !== staff.id && managesRole(actorRole, account.role)
  const actionButton = (account: StaffAccountView, action: StaffAccountAction) => (
    <button
      type="button"
      className="as-button as-button--secondary staff-row-action"
      disabled={busy}
      aria-label={t(`staffAccounts.actions.${action}.named`, { username: account.username })}
      onClick={() => setPending({ account, action })}
    >
      {t(`staffAccounts.actions.${action}.short`)}
    </button>
  )

  return (
    <div className="staff-page">
      <h1 className="staff-page__title">{t('staffAccounts.title')}</h1>

      <div className="staff-toolbar">
        <button
          ref={addButton}
          type="button"
          className="as-button as-button--primary"
          aria-expanded={panel.kind === 'form'}
          aria-controls={panelId}
          onClick={() => {
            setNotice(null)
            setPanel(panel.kind === 'form' ? { kind: 'none' } : { kind: 'form' })
          }}
        >
          {t('staffAccounts.add')}
        </button>
      </div>

      <div id={panelId} className="staff-slot">
        {panel.kind === 'form' && (
          <StaffAccountForm actorRole={actorRole} onCreated={created} onCancel={closePanel} />
        )}
        {panel.kind === 'created' && (
          <OneTimePassword account={panel.account} password={panel.oneTimePassword} onDone={closePanel} />
        )}
      </div>

      <NoticeBox notice={notice} />

      <KeysetListView list={list} onLoadMore={() => void loadMore()}>
        {(ready) => (
          <>
            <DataTable
              caption={t('staffAccounts.caption')}
              columns={[
                t('staffAccounts.username'),
                t('staffAccounts.fullName'),
                t('staffAccounts.office'),
                t('staffAccounts.role'),
                t('staffAccounts.status'),
                t('staffAccounts.secondFactor'),
                t('staffAccounts.lockedUntil'),
                t('staffAccounts.actions.label'),
              ]}
            >
              {ready.items.map((account) => {
                const until = lockedUntil(account, now)
                return (
                  <tr key={account.id}>
                    <th scope="row" translate="no">
                      {account.username}
                    </th>
                    <td>{account.fullName}</td>
                    <td>
                      {account.officeName}
                      {/* An organisation administrator works for its organisation, under that office. */}
                      {account.organisationName && (
                        <span className="staff-account__organisation">{account.organisationName}</span>
                      )}
                    </td>
                    <td>{t(`staffAccounts.roles.${account.role}`)}</td>
                    <td>{t(`staffAccounts.statuses.${account.status}`)}</td>
                    <td>
                      {account.secondFactorEnrolled
                        ? t('staffAccounts.enrolled')
                        : t('staffAccounts.notEnrolled')}
                    </td>
                    <td>{until ? dateTime(until) : '—'}</td>
                    <td>
                      {manageable(account) ? (
                        <div className="staff-row-actions">
                          {account.status === 'active' && actionButton(account, 'lock')}
                          {(account.status === 'locked' || until) && actionButton(account, 'unlock')}
                          {account.secondFactorEnrolled && actionButton(account, 'reset-second-factor')}
                        </div>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                )
              })}
            </DataTable>
          </>
        )}
      </KeysetListView>

      {pending && (
        <ConfirmDialog
          title={t(`staffAccounts.confirm.${pending.action}.title`)}
          confirmLabel={t(`staffAccounts.confirm.${pending.action}.confirm`)}
          busy={busy}
          onConfirm={() => void act(pending)}
          onClose={() => setPending(null)}
        >
          <p>
            {t(`staffAccounts.confirm.${pending.action}.body`, {
              fullName: pending.account.fullName,
              username: pending.account.username,
            })}
          </p>
        </ConfirmDialog>
      )}
    </div>
  )
}
