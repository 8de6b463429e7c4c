import { useTranslation } from 'react-i18next'
import { isAdministrator } from '../session/roles'
import { useLanguage, useStaff } from '../session/session'
import { DataTable } from '../shared/data-table'
import { Field } from '../shared/field'
import { dateTime } from '../shared/format'
import { KeysetListView, useKeysetList } from '../shared/keyset-list'
import { NotAllowedPage } from '../shared/page-message'
import { usePageTitle } from '../shared/page-title'
import { SearchForm } from '../shared/search-form'
import { useUrlFilters } from '../shared/url-filters'
import {
  type AuditActionGroup,
  auditActionGroups,
  auditRecordTypes,
  isAuditAction,
  isAuditRecordType,
} from './actions'
import { type AuditFilterKey, auditFilterKeys, searchAuditLog } from './api'
import { summariseDetail } from './detail-summary'

/** "Nhật ký truy cập": administrators search the audit log of their office tree. */
export function AuditLogPage() {
  const staff = useStaff()
  // Asking the server would only add an "access denied" entry to the log for the same answer.
  return isAdministrator(staff.role) ? <AuditLog /> : <AuditNotAllowed />
}

function AuditNotAllowed() {
  const { t } = useTranslation()
  return <NotAllowedPage body={t('audit.notAllowedBody')} />
}

function AuditLog() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { filters, query, search } = useUrlFilters(auditFilterKeys)
  const { list, loadMore } = useKeysetList(query, (cursor) =>
    searchAuditLog({ ...filters, cursor }, language),
  )
  usePageTitle(t('pages.audit'))

  // The server answers 404 to a staff member whose role no longer lets them read the log.
  const refused =
    (list.status === 'error' && list.error.answer.status === 404) ||
    (list.status === 'ready' && list.moreError?.answer.status === 404)
  if (refused) return <AuditNotAllowed />

  const errorOf = (key: AuditFilterKey) =>
    list.status === 'error' ? list.error.answer.fields[key]?.join(' ') : undefined
  const actionLabel = (action: string) => (isAuditAction(action) ? t(`audit.actions.${action}`) : action)
  const recordTypeLabel = (recordType: string) =>
    isAuditRecordType(recordType) ? t(`audit.recordTypes.${recordType}`) : recordType

  return (
    <div className="staff-page">
      <h1 className="staff-page__title">{t('pages.audit')}</h1>

      <SearchForm
        className="staff-audit-filters"
        onSubmit={search}
        aria-label={t('audit.filters')}
        key={query}
        submitLabel={t('audit.search')}
      >
        <Field label={t('audit.username')} error={errorOf('username')}>
          {(control) => (
            <input
              {...control}
              name="username"
              defaultValue={filters.username}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        <Field label={t('audit.action')} error={errorOf('action')}>
          {(control) => (
            <select {...control} name="action" defaultValue={filters.action ?? ''}>
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
          )}
        </Field>
        <Field label={t('audit.recordType')} error={errorOf('recordType')}>
          {(control) => (
            <select {...control} name="recordType" defaultValue={filters.recordType ?? ''}>
              <option value="">{t('audit.all')}</option>
              {auditRecordTypes.map((recordType) => (
                <option key={recordType} value={recordType}>
                  {t(`audit.recordTypes.${recordType}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('audit.recordId')} error={errorOf('recordId')}>
          {(control) => (
            <input
              {...control}
              name="recordId"
              defaultValue={filters.recordId}
              maxLength={64}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        <Field label={t('audit.from')} error={errorOf('from')}>
          {(control) => <input {...control} name="from" type="date" defaultValue={filters.from} />}
        </Field>
        <Field label={t('audit.to')} error={errorOf('to')}>
          {(control) => <input {...control} name="to" type="date" defaultValue={filters.to} />}
        </Field>
      </SearchForm>

      <KeysetListView list={list} onLoadMore={() => void loadMore()}>
        {(ready) =>
          ready.items.length === 0 ? (
            <p role="status">{t('audit.empty')}</p>
          ) : (
            <>
              <p role="status" className="staff-total">
                {t('audit.shown', { count: ready.items.length })}
              </p>
              <DataTable
                caption={t('audit.caption')}
                columns={[
                  t('audit.at'),
                  t('audit.staff'),
                  t('audit.office'),
                  t('audit.action'),
                  t('audit.record'),
                  t('audit.ip'),
                  t('audit.detail'),
                ]}
              >
                {ready.items.map((entry) => (
                  <tr key={entry.id}>
                    <td className="staff-audit__at">{dateTime(entry.at)}</td>
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
              </DataTable>
            </>
          )
        }
      </KeysetListView>
    </div>
  )
}
