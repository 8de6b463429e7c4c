import { formatDateTimeVi } from '@ansinh/domain'
import { type ApiFailure, useDocumentTitle } from '@ansinh/ui'
import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useLanguage, useSession, useStaff } from '../session/session'
import { canReadAuditLog } from './access'
import {
  type AuditActionGroup,
  auditActionGroups,
  auditRecordTypes,
  isAuditAction,
  isAuditRecordType,
} from './actions'
import {
  type AuditEntry,
  type AuditFilterKey,
  type AuditFilters,
  auditFilterKeys,
  searchAuditLog,
} from './api'
import { summariseDetail } from './detail-summary'

type LogState =
  | { status: 'loading' }
  | { status: 'notAllowed' }
  | { status: 'error'; message: string; fields: Record<string, string[]> }
  | {
      status: 'ready'
      items: AuditEntry[]
      nextCursor: string | null
      more: boolean
      moreError: string | null
    }

/** "Nhật ký truy cập": administrators search the audit log of their office tree. */
export function AuditLogPage() {
  const staff = useStaff()
  // Asking the server would only add an "access denied" entry to the log for the same answer.
  return canReadAuditLog(staff.role) ? <AuditLog /> : <AuditNotAllowed />
}

function AuditNotAllowed() {
  const { t } = useTranslation()
  useDocumentTitle(`${t('app.name')} – ${t('app.area')}`, t('audit.notAllowed'))
  return (
    <div className="staff-page">
      <h1 className="staff-page__title">{t('audit.notAllowed')}</h1>
      <p>{t('audit.notAllowedBody')}</p>
    </div>
  )
}

function AuditLog() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { lost } = useSession()
  const [params, setParams] = useSearchParams()
  const [log, setLog] = useState<LogState>({ status: 'loading' })
  const fieldId = useId()
  useDocumentTitle(`${t('app.name')} – ${t('app.area')}`, t('pages.audit'))

  const query = params.toString()

  function filtersOf(cursor?: string): AuditFilters {
    const filters: AuditFilters = {}
    for (const key of auditFilterKeys) {
      const value = params.get(key)
      if (value) filters[key] = value
    }
    if (cursor) filters.cursor = cursor
    return filters
  }

  function messageOf(error: ApiFailure): string {
    if (error.status === 401) lost()
    if (error.status === 0) return t('errors.network')
    return error.message || t('errors.unexpected')
  }

  // The server answers 404 to a staff member whose role no longer lets them read the log.
  const refused = (error: ApiFailure) => error.status === 404

  function failed(error: ApiFailure): LogState {
    if (refused(error)) return { status: 'notAllowed' }
    return { status: 'error', message: messageOf(error), fields: error.fields }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL query is the whole input
  useEffect(() => {
    let live = true
    setLog({ status: 'loading' })
    void searchAuditLog(filtersOf(), language).then((result) => {
      if (!live) return
      setLog(
        result.ok ? { status: 'ready', ...result.value, more: false, moreError: null } : failed(result.error),
      )
    })
    return () => {
      live = false
    }
  }, [query])

  async function loadMore() {
    if (log.status !== 'ready' || !log.nextCursor) return
    setLog({ ...log, more: true, moreError: null })
    const result = await searchAuditLog(filtersOf(log.nextCursor), language)
    if (result.ok) {
      setLog({
        ...log,
        items: [...log.items, ...result.value.items],
        nextCursor: result.value.nextCursor,
        more: false,
      })
    } else if (refused(result.error)) {
      setLog({ status: 'notAllowed' })
    } else {
      // The rows already read stay on screen; "Tải thêm" can be tried again.
      setLog({ ...log, more: false, moreError: messageOf(result.error) })
    }
  }

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const next = new URLSearchParams()
    for (const key of auditFilterKeys) {
      const value = data.get(key)
      if (typeof value === 'string' && value.trim()) next.set(key, value.trim())
    }
    setParams(next)
  }

  if (log.status === 'notAllowed') return <AuditNotAllowed />

  const field = (key: AuditFilterKey) => `${fieldId}-${key}`
  const fieldErrors = (key: AuditFilterKey) => (log.status === 'error' ? (log.fields[key] ?? []) : [])
  const invalid = (key: AuditFilterKey) =>
    fieldErrors(key).length > 0 ? { 'aria-invalid': true, 'aria-describedby': `${field(key)}-error` } : {}
  const errorsOf = (key: AuditFilterKey) =>
    fieldErrors(key).length > 0 && (
      <p id={`${field(key)}-error`} className="staff-error">
        {fieldErrors(key).join(' ')}
      </p>
    )
  const actionLabel = (action: string) => (isAuditAction(action) ? t(`audit.actions.${action}`) : action)
  const recordTypeLabel = (recordType: string) =>
    isAuditRecordType(recordType) ? t(`audit.recordTypes.${recordType}`) : recordType

  return (
    <div className="staff-page">
      <h1 className="staff-page__title">{t('pages.audit')}</h1>

      <form
        className="staff-search staff-audit-filters"
        onSubmit={onSearch}
        aria-label={t('audit.filters')}
        key={query}
      >
        <div className="staff-field">
          <label htmlFor={field('username')}>{t('audit.username')}</label>
          <input
            id={field('username')}
            name="username"
            defaultValue={params.get('username') ?? ''}
            autoComplete="off"
            spellCheck={false}
            {...invalid('username')}
          />
          {errorsOf('username')}
        </div>
        <div className="staff-field">
          <label htmlFor={field('action')}>{t('audit.action')}</label>
          <select
            id={field('action')}
            name="action"
            defaultValue={params.get('action') ?? ''}
            {...invalid('action')}
          >
            <option value="">{t('audit.all')}</option>
            {(Object.keys(auditActionGroups) as AuditActionGroup[]).map((group) => (
              <optgroup key={group} label={t(`audit.groups.${group}`)}>
                {auditActionGroups[group].map((action) => (
                  <option key={action} value={action}>
                    {t(`audit.actions.${action}`)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {errorsOf('action')}
        </div>
        <div className="staff-field">
          <label htmlFor={field('recordType')}>{t('audit.recordType')}</label>
          <select
            id={field('recordType')}
            name="recordType"
            defaultValue={params.get('recordType') ?? ''}
            {...invalid('recordType')}
          >
            <option value="">{t('audit.all')}</option>
            {auditRecordTypes.map((recordType) => (
              <option key={recordType} value={recordType}>
                {t(`audit.recordTypes.${recordType}`)}
              </option>
            ))}
          </select>
          {errorsOf('recordType')}
        </div>
        <div className="staff-field">
          <label htmlFor={field('recordId')}>{t('audit.recordId')}</label>
          <input
            id={field('recordId')}
            name="recordId"
            defaultValue={params.get('recordId') ?? ''}
            maxLength={64}
            autoComplete="off"
            spellCheck={false}
            {...invalid('recordId')}
          />
          {errorsOf('recordId')}
        </div>
        <div className="staff-field">
          <label htmlFor={field('from')}>{t('audit.from')}</label>
          <input
            id={field('from')}
            name="from"
            type="date"
            defaultValue={params.get('from') ?? ''}
            {...invalid('from')}
          />
          {errorsOf('from')}
        </div>
        <div className="staff-field">
          <label htmlFor={field('to')}>{t('audit.to')}</label>
          <input
            id={field('to')}
            name="to"
            type="date"
            defaultValue={params.get('to') ?? ''}
            {...invalid('to')}
          />
          {errorsOf('to')}
        </div>
        <div className="staff-search__actions">
          <button type="submit" className="as-button as-button--primary">
            {t('audit.search')}
          </button>
        </div>
      </form>

      {log.status === 'loading' && (
        <p role="status" className="staff-loading">
          {t('common.loading')}
        </p>
      )}
      {log.status === 'error' && (
        <p role="alert" className="staff-error">
          {log.message}
        </p>
      )}
      {log.status === 'ready' && log.items.length === 0 && <p role="status">{t('audit.empty')}</p>}
      {log.status === 'ready' && log.items.length > 0 && (
        <>
          <p role="status" className="staff-total">
            {t('audit.shown', { count: log.items.length })}
          </p>
          <div className="staff-table-wrap">
            <table className="staff-table">
              <caption>{t('audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.staff')}</th>
                  <th scope="col">{t('audit.office')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.record')}</th>
                  <th scope="col">{t('audit.ip')}</th>
                  <th scope="col">{t('audit.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {log.items.map((entry) => (
                  <tr key={entry.id}>
                    <td className="staff-audit__at">{formatDateTimeVi(new Date(entry.at))}</td>
                    <td>
                      {entry.username ? (
                        <span translate="no">{entry.username}</span>
                      ) : entry.actorKind === 'system' ? (
                        t('audit.system')
                      ) : (
                        '—'
                      )}
                    </td>
                    <td translate="no">{entry.officeCode ?? '—'}</td>
                    <td>{actionLabel(entry.action)}</td>
                    <td>
                      {entry.recordType ? (
                        <>
                          {recordTypeLabel(entry.recordType)} <span translate="no">{entry.recordId}</span>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td translate="no">{entry.ip ?? '—'}</td>
                    <td translate="no" className="staff-audit__detail">
                      {summariseDetail(entry.detail)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {log.moreError && (
            <p role="alert" className="staff-error">
              {log.moreError}
            </p>
          )}
          {log.nextCursor && (
            <button
              type="button"
              className="as-button as-button--secondary"
              onClick={() => void loadMore()}
              disabled={log.more}
            >
              {t('audit.more')}
            </button>
          )}
        </>
      )}
    </div>
  )
}
