import {
  formatDateTimeVi,
  managesRole,
  type StaffAccountCreated,
  type StaffAccountView,
  type StaffRole,
} from '@ansinh/domain'
import { useDocumentTitle } from '@ansinh/ui'
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ApiFailure } from '../session/api'
import { useLanguage, useSession, useStaff } from '../session/session'
import { actOnStaffAccount, listStaffAccounts, type StaffAccountAction } from './api'
import { ConfirmDialog } from './confirm-dialog'
import { OneTimePassword } from './one-time-password'
import { administratorRole } from './roles'
import { StaffAccountForm } from './staff-account-form'

type ListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: StaffAccountView[]; nextCursor: string | null; more: boolean }

type Panel = { kind: 'none' } | { kind: 'form' } | ({ kind: 'created' } & StaffAccountCreated)
type Notice = { kind: 'success' | 'error'; message: string } | null
type Pending = { account: StaffAccountView; action: StaffAccountAction } | null

/** "Quản trị" → "Cán bộ": for administrators; anyone else is told they may not. */
export function StaffAccountsPage() {
  const role = administratorRole(useStaff().role)
  return role ? <StaffAccounts actorRole={role} /> : <NotAllowed />
}

function NotAllowed() {
  const { t } = useTranslation()
  useDocumentTitle(`${t('app.name')} – ${t('app.area')}`, t('staffAccounts.notAllowed.title'))
  return (
    <div className="staff-page">
      <h1 className="staff-page__title">{t('staffAccounts.notAllowed.title')}</h1>
      <p>{t('staffAccounts.notAllowed.body')}</p>
      <p>
        <Link to="/dossiers">{t('staffAccounts.notAllowed.back')}</Link>
      </p>
    </div>
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
  const { lost } = useSession()
  const [list, setList] = useState<ListState>({ status: 'loading' })
  const [panel, setPanel] = useState<Panel>({ kind: 'none' })
  const [notice, setNotice] = useState<Notice>(null)
  const [pending, setPending] = useState<Pending>(null)
  const [busy, setBusy] = useState(false)
  const noticeRef = useRef<HTMLDivElement>(null)
  const addButton = useRef<HTMLButtonElement>(null)
  const panelId = useId()
  useDocumentTitle(`${t('app.name')} – ${t('app.area')}`, t('staffAccounts.title'))

  const messageOf = useCallback(
    (error: ApiFailure) => {
      if (error.status === 401) lost()
      if (error.status === 0) return t('errors.network')
      return error.message || t('errors.unexpected')
    },
    [t, lost],
  )

  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page, once
  useEffect(() => {
    let live = true
    void listStaffAccounts(null, language).then((result) => {
      if (!live) return
      setList(
        result.ok
          ? { status: 'ready', ...result.value, more: false }
          : { status: 'error', message: messageOf(result.error) },
      )
    })
    return () => {
      live = false
    }
  }, [])

  useEffect(() => {
    if (notice) noticeRef.current?.focus()
  }, [notice])

  async function loadMore() {
    if (list.status !== 'ready' || !list.nextCursor) return
    setList({ ...list, more: true })
    const result = await listStaffAccounts(list.nextCursor, language)
    setList(
      result.ok
        ? {
            status: 'ready',
            items: [...list.items, ...result.value.items],
            nextCursor: result.value.nextCursor,
            more: false,
          }
        : { status: 'error', message: messageOf(result.error) },
    )
  }

  function replace(account: StaffAccountView) {
    setList((current) =>
      current.status === 'ready'
        ? { ...current, items: current.items.map((item) => (item.id === account.id ? account : item)) }
        : current,
    )
  }

  function created(result: StaffAccountCreated) {
    setNotice(null)
    setPanel({ kind: 'created', ...result })
    // The list runs in id order: the newest account belongs at its end, once that end is loaded.
    setList((current) =>
      current.status === 'ready' && current.nextCursor === null
        ? { ...current, items: [...current.items, result.account] }
        : current,
    )
  }

  function closePanel() {
    setPanel({ kind: 'none' })
    addButton.current?.focus()
  }

  async function act({ account, action }: NonNullable<Pending>) {
    setBusy(true)
    const result = await actOnStaffAccount(account.id, action, staff.csrfToken, language)
    setBusy(false)
    if (result.ok) {
      replace(result.value)
      setNotice({
        kind: 'success',
        message: t(`staffAccounts.done.${action}`, { username: account.username }),
      })
    } else {
      setNotice({ kind: 'error', message: messageOf(result.error) })
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
          <StaffAccountForm
            actorRole={actorRole}
            messageOf={messageOf}
            onCreated={created}
            onCancel={closePanel}
          />
        )}
        {panel.kind === 'created' && (
          <OneTimePassword account={panel.account} password={panel.oneTimePassword} onDone={closePanel} />
        )}
      </div>

      <div
        ref={noticeRef}
        tabIndex={-1}
        role={notice?.kind === 'success' ? 'status' : 'alert'}
        className={notice ? `staff-notice staff-notice--${notice.kind}` : 'staff-slot'}
      >
        {notice && <p>{notice.message}</p>}
      </div>

      {list.status === 'loading' && (
        <p role="status" className="staff-loading">
          {t('common.loading')}
        </p>
      )}
      {list.status === 'error' && (
        <p role="alert" className="staff-error">
          {list.message}
        </p>
      )}
      {list.status === 'ready' && (
        <>
          <div className="staff-table-wrap">
            <table className="staff-table">
              <caption>{t('staffAccounts.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staffAccounts.username')}</th>
                  <th scope="col">{t('staffAccounts.fullName')}</th>
                  <th scope="col">{t('staffAccounts.office')}</th>
                  <th scope="col">{t('staffAccounts.role')}</th>
                  <th scope="col">{t('staffAccounts.status')}</th>
                  <th scope="col">{t('staffAccounts.secondFactor')}</th>
                  <th scope="col">{t('staffAccounts.lockedUntil')}</th>
                  <th scope="col">{t('staffAccounts.actions.label')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((account) => {
                  const until = lockedUntil(account, now)
                  return (
                    <tr key={account.id}>
                      <th scope="row" translate="no">
                        {account.username}
                      </th>
                      <td>{account.fullName}</td>
                      <td>{account.officeName}</td>
                      <td>{t(`staffAccounts.roles.${account.role}`)}</td>
                      <td>{t(`staffAccounts.statuses.${account.status}`)}</td>
                      <td>
                        {account.secondFactorEnrolled
                          ? t('staffAccounts.enrolled')
                          : t('staffAccounts.notEnrolled')}
                      </td>
                      <td>{until ? formatDateTimeVi(new Date(until)) : '—'}</td>
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
              </tbody>
            </table>
          </div>
          {list.nextCursor && (
            <button
              type="button"
              className="as-button as-button--secondary"
              onClick={() => void loadMore()}
              disabled={list.more}
            >
              {t('staffAccounts.more')}
            </button>
          )}
        </>
      )}

      {pending && (
        <ConfirmDialog
          title={t(`staffAccounts.confirm.${pending.action}.title`)}
          body={t(`staffAccounts.confirm.${pending.action}.body`, {
            fullName: pending.account.fullName,
            username: pending.account.username,
          })}
          confirmLabel={t(`staffAccounts.confirm.${pending.action}.confirm`)}
          onConfirm={() => void act(pending)}
          onClose={() => setPending(null)}
        />
      )}
    </div>
  )
}
