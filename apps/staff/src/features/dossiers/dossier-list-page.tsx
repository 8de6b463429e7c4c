import {
  dossierConditionLabels,
  dossierConditions,
  dossierKinds,
  dossierStatuses,
  dossierStatusLabels,
} from '@ansinh/domain'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { searchDossiers } from '../session/api'
import { useLanguage } from '../session/session'
import { actionsColumn, DataTable, OpenableRow, useRecordLinks, ViewCell } from '../shared/data-table'
import { Field } from '../shared/field'
import { dateTime } from '../shared/format'
import { KeysetListView, useKeysetList } from '../shared/keyset-list'
import { usePageTitle } from '../shared/page-title'
import { SearchForm, SelectFilter } from '../shared/search-form'
import { useUrlFilters } from '../shared/url-filters'

const filterKeys = ['dossierNumber', 'person', 'from', 'to', 'condition', 'status', 'kind'] as const

/** "Hồ sơ ĐK GDĐT" → "Cá nhân": the dossiers within reach, the search panel, keyset pages. */
export function DossierListPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { params, setParams, query, filters, search } = useUrlFilters(filterKeys)
  const sort = params.get('sort') === 'oldest' ? 'oldest' : 'newest'
  const { list, loadMore } = useKeysetList(query, (cursor) =>
    searchDossiers({ sort, ...filters, cursor }, language),
  )
  const { linkTo, open } = useRecordLinks('/dossiers', query)
  const [expanded, setExpanded] = useState(() => filterKeys.some((key) => params.has(key)))
  const panelId = useId()
  usePageTitle(t('pages.individuals'))

  function toggleSort() {
    const next = new URLSearchParams(params)
    next.set('sort', sort === 'newest' ? 'oldest' : 'newest')
    setParams(next)
  }

  const kindLabel = (kind: string) => t(`dossier.kinds.${kind as 'new'}`)

  return (
    <div className="staff-page">
      <h1 className="staff-page__title">{t('pages.individuals')}</h1>

      <div className="staff-toolbar">
        <button
          type="button"
          className="as-button as-button--secondary"
          aria-expanded={expanded}
          aria-controls={panelId}
          onClick={() => setExpanded(!expanded)}
        >
          {t('list.expand')}
        </button>
      </div>

      <SearchForm
        id={panelId}
        hidden={!expanded}
        // The sort order is the table's own, not a filter: a new search keeps it.
        onSubmit={(event) => search(event, sort === 'newest' ? {} : { sort })}
        aria-label={t('list.searchPanel')}
        key={query}
        submitLabel={t('list.search')}
      >
        <Field label={t('list.dossierNumber')}>
          {(control) => (
            <input
              {...control}
              name="dossierNumber"
              defaultValue={filters.dossierNumber}
              spellCheck={false}
            />
          )}
        </Field>
        <Field label={t('list.person')}>
          {(control) => (
            <input {...control} name="person" inputMode="numeric" defaultValue={filters.person} />
          )}
        </Field>
        <Field label={t('list.from')}>
          {(control) => <input {...control} name="from" type="date" defaultValue={filters.from} />}
        </Field>
        <Field label={t('list.to')}>
          {(control) => <input {...control} name="to" type="date" defaultValue={filters.to} />}
        </Field>
        <SelectFilter
          label={t('list.condition')}
          name="condition"
          value={filters.condition}
          choices={dossierConditions}
          labelOf={(value) => dossierConditionLabels[language][value]}
        />
        <SelectFilter
          label={t('list.status')}
          name="status"
          value={filters.status}
          choices={dossierStatuses}
          labelOf={(value) => dossierStatusLabels[language][value]}
        />
        <SelectFilter
          label={t('list.kind')}
          name="kind"
          value={filters.kind}
          choices={dossierKinds}
          labelOf={kindLabel}
        />
      </SearchForm>

      <KeysetListView
        list={list}
        onLoadMore={() => void loadMore()}
        total={(ready) => t('list.total', { count: ready.last.total })}
      >
        {(ready) => (
          <DataTable
            caption={t('list.caption')}
            columns={[
              t('list.dossierNumber'),
              t('list.bhxhCode'),
              t('list.fullName'),
              t('list.kind'),
              t('list.condition'),
              t('list.status'),
              {
                key: 'submittedAt',
                sort: sort === 'newest' ? 'descending' : 'ascending',
                label: (
                  <button type="button" className="staff-sort" onClick={toggleSort}>
                    {t('list.submittedAt')} <span aria-hidden="true">{sort === 'newest' ? '▼' : '▲'}</span>
                    <span className="as-visually-hidden">
                      {sort === 'newest' ? t('list.sortedNewest') : t('list.sortedOldest')}
                    </span>
                  </button>
                ),
              },
              t('list.assignedTo'),
              actionsColumn,
            ]}
          >
            {ready.items.map((item) => (
              <OpenableRow key={item.id} onOpen={() => open(item.id)}>
                <td translate="no">{item.dossierNumber}</td>
                <td translate="no">{item.bhxhCode}</td>
                <td>{item.fullName}</td>
                <td>{kindLabel(item.kind)}</td>
                <td>{dossierConditionLabels[language][item.condition]}</td>
                <td>{dossierStatusLabels[language][item.status]}</td>
                <td>{dateTime(item.submittedAt)}</td>
                <td>{item.assignedTo?.fullName ?? '—'}</td>
                <ViewCell {...linkTo(item.id)} label={t('list.viewOne', { number: item.dossierNumber })} />
              </OpenableRow>
            ))}
          </DataTable>
        )}
      </KeysetListView>
    </div>
  )
}
