import {
  formatThousands,
  MAX_MEMBER_IMPORT_BYTES,
  MEMBER_IMPORT_COLUMNS,
  type MemberImportResult,
  type OrganisationView,
} from '@ansinh/domain'
import { type FormEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFailureMessage } from '../session/failure-message'
import { useLanguage, useStaff } from '../session/session'
import { Field } from '../shared/field'
import { FieldRow } from '../shared/field-row'
import { type Notice, NoticeBox } from '../shared/notice'
import { SearchForm, SelectFilter } from '../shared/search-form'
import { ErrorAlert, Loading } from '../shared/status'
import { useUrlFilters } from '../shared/url-filters'
import { importMembers, listMembers } from './api'
import { MemberFilterFields } from './member-filters'
import { memberSteps } from './member-state'
import { Pager, pageFrom } from './pager'
import { WideTable } from './scroll-frame'
import { useLoad } from './use-load'

const MAX_MEGABYTES = MAX_MEMBER_IMPORT_BYTES / 1024 / 1024
const memberFileAccept =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** "Thành viên": the import of a members' list, then the members of the whole subtree. */
export function MembersPanel({
  organisation,
  items,
  onImported,
}: {
  organisation: OrganisationView
  items: readonly OrganisationView[]
  onImported: () => void
}) {
  const [imported, setImported] = useState(0)
  return (
    <>
      <ImportForm
        organisation={organisation}
        onImported={() => {
          setImported((count) => count + 1)
          onImported()
        }}
      />
      <MemberList organisation={organisation} items={items} version={imported} />
    </>
  )
}

/**
 * "Nhập danh sách thành viên": a CSV or XLSX file, read at once; the counts of its rows, the rows
 * refused with their column and reason, and the error report to download.
 */
function ImportForm({
  organisation,
  onImported,
}: {
  organisation: OrganisationView
  onImported: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const failureMessage = useFailureMessage()
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [result, setResult] = useState<MemberImportResult | null>(null)
  const [busy, setBusy] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const titleId = useId()

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    const file = fileInput.current?.files?.[0]
    setNotice(null)
    if (!file || file.size === 0) return refuse(t('organisations.import.fileRequired'))
    if (file.size > MAX_MEMBER_IMPORT_BYTES)
      return refuse(t('organisations.import.fileTooLarge', { max: MAX_MEGABYTES }))
    setError(null)
    setBusy(true)
    const answer = await importMembers(organisation.id, file, staff.csrfToken, language)
    setBusy(false)
    if (!answer.ok) {
      const fields = Object.values(answer.error.fields).flat()
      if (fields.length > 0) refuse(fields.join(' '))
      else setNotice({ kind: 'error', message: failureMessage(answer.error) })
      return
    }
    setResult(answer.value)
    setNotice({ kind: 'success', message: t('organisations.import.done', { name: file.name }) })
    if (fileInput.current) fileInput.current.value = ''
    onImported()
  }

  function refuse(message: string) {
    setError(message)
    fileInput.current?.focus()
  }

  const count = (value: number) => formatThousands(value)
  return (
    <section className="staff-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('organisations.import.title')}</h2>
      <NoticeBox notice={notice} />
      <form className="organisations__import" onSubmit={(event) => void onSubmit(event)} noValidate>
        <Field
          label={t('organisations.import.file')}
          hint={t('organisations.import.hint', {
            columns: Object.values(MEMBER_IMPORT_COLUMNS).join(', '),
            max: MAX_MEGABYTES,
          })}
          error={error}
        >
          {(control) => (
            <input
              {...control}
              ref={fileInput}
              name="file"
              type="file"
              accept={memberFileAccept}
              required
              disabled={busy}
              onChange={() => setError(null)}
            />
          )}
        </Field>
        <div className="staff-actions">
          <button type="submit" className="as-button as-button--primary" disabled={busy}>
            {t('organisations.import.submit')}
          </button>
        </div>
        {busy && (
          <p role="status" className="staff-loading">
            {t('organisations.import.uploading')}
          </p>
        )}
      </form>
      {result && (
        <>
          <dl className="staff-dl organisations__counts">
            <FieldRow label={t('organisations.import.rowsRead')}>{count(result.rowsRead)}</FieldRow>
            <FieldRow label={t('organisations.import.added')}>{count(result.added)}</FieldRow>
            <FieldRow label={t('organisations.import.updated')}>{count(result.updated)}</FieldRow>
            <FieldRow label={t('organisations.import.moved')}>{count(result.moved)}</FieldRow>
            <FieldRow label={t('organisations.import.unchanged')}>{count(result.unchanged)}</FieldRow>
            <FieldRow label={t('organisations.import.refused')}>{count(result.refused)}</FieldRow>
          </dl>
          {result.errors.length > 0 && (
            <WideTable
              caption={t('organisations.import.errorsCaption')}
              columns={[
                t('organisations.import.row'),
                t('organisations.import.column'),
                t('organisations.import.reason'),
              ]}
            >
              {result.errors.map((row) => (
                <tr key={`${row.rowNumber}-${row.column}`}>
                  <td className="organisations__number">{row.rowNumber}</td>
                  <td>{row.column}</td>
                  <td>{row.reason}</td>
                </tr>
              ))}
            </WideTable>
          )}
          {result.errorReportUrl && (
            <p>
              <a href={result.errorReportUrl} download>
                {t('organisations.import.errorReport')}
              </a>
            </p>
          )}
        </>
      )}
    </section>
  )
}

const memberFilterKeys = ['role', 'registered', 'organisationId', 'unit', 'q'] as const

/** The members of the subtree, filtered in the address, 50 to a page. */
function MemberList({
  organisation,
  items,
  version,
}: {
  organisation: OrganisationView
  items: readonly OrganisationView[]
  version: number
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { params, query, filters, search } = useUrlFilters(memberFilterKeys)
  const page = pageFrom(params)
  const { loaded } = useLoad(`${organisation.id}?${query}#${version}`, () =>
    listMembers(organisation.id, { ...filters, page: String(page) }, language),
  )
  const titleId = useId()

  return (
    <section className="staff-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('organisations.members.title')}</h2>
      <SearchForm
        onSubmit={(event) => search(event)}
        aria-label={t('organisations.members.searchPanel')}
        key={query}
        submitLabel={t('list.search')}
      >
        <Field label={t('organisations.members.q')} hint={t('organisations.members.qHint')}>
          {(control) => (
            <input {...control} name="q" type="search" maxLength={100} defaultValue={filters.q} />
          )}
        </Field>
        <SelectFilter
          label={t('organisations.members.registered')}
          name="registered"
          value={filters.registered}
          choices={['yes', 'no'] as const}
          labelOf={(value) => t(`organisations.members.registeredChoice.${value}`)}
        />
        <MemberFilterFields organisation={organisation} items={items} filters={filters} />
      </SearchForm>

      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'missing' && <ErrorAlert>{t('organisations.notFound.body')}</ErrorAlert>}
      {loaded.status === 'error' && <ErrorAlert>{loaded.message}</ErrorAlert>}
      {loaded.status === 'ready' && (
        <>
          <p role="status" className="staff-total">
            {t('organisations.members.total', {
              count: loaded.value.total,
              people: formatThousands(loaded.value.total),
            })}
          </p>
          {loaded.value.items.length > 0 && (
            <WideTable
              caption={t('organisations.members.caption', { name: organisation.name })}
              captionHidden
              columns={[
                t('organisations.members.fullName'),
                t('organisations.members.bhxhCode'),
                t('organisations.members.birthYear'),
                t('organisations.members.role'),
                t('organisations.members.unit'),
                t('organisations.members.organisation'),
                t('organisations.members.state'),
              ]}
            >
              {loaded.value.items.map((member) => (
                <tr key={member.id}>
                  <td className="organisations__name">{member.fullName}</td>
                  <td translate="no">{member.bhxhCode ?? '—'}</td>
                  <td>{member.birthYear}</td>
                  <td>{t(`organisations.members.roles.${member.role}`)}</td>
                  <td>{member.unit ?? '—'}</td>
                  <td>{member.organisation.name}</td>
                  <td>
                    {memberSteps(member)
                      .map((step) => t(`organisations.members.steps.${step}`))
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </WideTable>
          )}
          <Pager page={loaded.value.page} pageCount={loaded.value.pageCount} />
        </>
      )}
    </section>
  )
}
