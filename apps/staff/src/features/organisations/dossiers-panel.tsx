import {
  dossierConditionLabels,
  dossierConditions,
  dossierStatuses,
  dossierStatusLabels,
  formatDateVi,
  formatThousands,
  MAX_DECLARATIONS_PER_PDF,
  type OrganisationView,
} from '@ansinh/domain'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '../session/session'
import { dateTime } from '../shared/format'
import { SearchForm, SelectFilter } from '../shared/search-form'
import { ErrorAlert, Loading } from '../shared/status'
import { useUrlFilters } from '../shared/url-filters'
import { declarationsPdfUrl, listMemberDossiers } from './api'
import { MemberFilterFields } from './member-filters'
import { Pager, pageFrom } from './pager'
import { WideTable } from './scroll-frame'
import { useLoad } from './use-load'

const dossierFilterKeys = ['role', 'organisationId', 'unit', 'status', 'condition'] as const

/**
 * "Hồ sơ, tờ khai": the members' registration dossiers and where each stands, and "Tải tờ khai chưa
 * nộp", one PDF of the declarations (Mẫu 01) whose signed paper form has not reached the office, for
 * the members the filters select.
 */
export function DossiersPanel({
  organisation,
  items,
}: {
  organisation: OrganisationView
  items: readonly OrganisationView[]
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { params, query, filters, search } = useUrlFilters(dossierFilterKeys)
  const page = pageFrom(params)
  const { loaded } = useLoad(`${organisation.id}?${query}`, () =>
    listMemberDossiers(organisation.id, { ...filters, page: String(page) }, language),
  )
  const titleId = useId()
  const { role, organisationId, unit } = filters

  return (
    <section className="staff-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('organisations.dossiers.title')}</h2>
      <SearchForm
        onSubmit={(event) => search(event)}
        aria-label={t('organisations.dossiers.searchPanel')}
        key={query}
        submitLabel={t('list.search')}
      >
        <MemberFilterFields organisation={organisation} items={items} filters={filters} />
        <SelectFilter
          label={t('organisations.dossiers.status')}
          name="status"
          value={filters.status}
          choices={dossierStatuses}
          labelOf={(value) => dossierStatusLabels[language][value]}
        />
        <SelectFilter
          label={t('organisations.dossiers.condition')}
          name="condition"
          value={filters.condition}
          choices={dossierConditions}
          labelOf={(value) => dossierConditionLabels[language][value]}
        />
      </SearchForm>

      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'missing' && <ErrorAlert>{t('organisations.notFound.body')}</ErrorAlert>}
      {loaded.status === 'error' && <ErrorAlert>{loaded.message}</ErrorAlert>}
      {loaded.status === 'ready' && (
        <>
          <p role="status" className="staff-total">
            {t('organisations.dossiers.total', {
              count: loaded.value.total,
              dossiers: formatThousands(loaded.value.total),
              awaiting: formatThousands(loaded.value.awaitingPaper),
            })}
          </p>
          {loaded.value.awaitingPaper > MAX_DECLARATIONS_PER_PDF ? (
            // The server refuses a larger download: narrow it to one school, one class.
            <p className="staff-field__hint">
              {t('organisations.dossiers.tooMany', { max: MAX_DECLARATIONS_PER_PDF })}
            </p>
          ) : (
            loaded.value.awaitingPaper > 0 && (
              <div className="staff-toolbar">
                <a
                  className="as-button as-button--secondary"
                  href={declarationsPdfUrl(organisation.id, { role, organisationId, unit })}
                  download
                >
                  {t('organisations.dossiers.declarations')}
                </a>
              </div>
            )
          )}
          {loaded.value.items.length > 0 && (
            <WideTable
              caption={t('organisations.dossiers.caption', { name: organisation.name })}
              captionHidden
              columns={[
                t('organisations.members.fullName'),
                t('organisations.members.bhxhCode'),
                t('organisations.members.role'),
                t('organisations.members.unit'),
                t('organisations.members.organisation'),
                t('organisations.dossiers.number'),
                t('organisations.dossiers.status'),
                t('organisations.dossiers.condition'),
                t('organisations.dossiers.submittedAt'),
                t('organisations.dossiers.paperDeadline'),
              ]}
            >
              {loaded.value.items.map(({ member, dossier }) => (
                <tr key={dossier.dossierNumber}>
                  <td className="organisations__name">{member.fullName}</td>
                  <td translate="no">{member.bhxhCode}</td>
                  <td>{t(`organisations.members.roles.${member.role}`)}</td>
                  <td>{member.unit ?? '—'}</td>
                  <td>{member.organisation.name}</td>
                  <td translate="no">{dossier.dossierNumber}</td>
                  <td>{dossierStatusLabels[language][dossier.status]}</td>
                  <td>{dossierConditionLabels[language][dossier.condition]}</td>
                  <td>{dateTime(dossier.submittedAt)}</td>
                  <td>{dossier.paperDeadline ? formatDateVi(dossier.paperDeadline) : '—'}</td>
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
