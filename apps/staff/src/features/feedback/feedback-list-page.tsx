import { feedbackCategories, feedbackStatuses } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useLanguage } from '../session/session'
import { DataTable, OpenableRow } from '../shared/data-table'
import { Field } from '../shared/field'
import { dateTime } from '../shared/format'
import { KeysetListView, useKeysetList } from '../shared/keyset-list'
import { usePageTitle } from '../shared/page-title'
import { SearchForm } from '../shared/search-form'
import { useUrlFilters } from '../shared/url-filters'
import { searchFeedback } from './api'

const filterKeys = ['status', 'category', 'text'] as const

/** "Phản ánh": feedback routed to the offices within reach, newest first, with its filters. */
export function FeedbackListPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const navigate = useNavigate()
  const { query, filters, search } = useUrlFilters(filterKeys)
  const { list, loadMore } = useKeysetList(query, (cursor) =>
    searchFeedback({ ...filters, cursor }, language),
  )
  usePageTitle(t('feedback.title'))

  const back = `/feedback?${query}`
  const open = (id: number) => void navigate(`/feedback/${id}`, { state: { back } })

  return (
    <div className="staff-page">
      <h1 className="staff-page__title">{t('feedback.title')}</h1>

      <SearchForm
        onSubmit={(event) => search(event)}
        aria-label={t('feedback.searchPanel')}
        key={query}
        submitLabel={t('list.search')}
      >
        <Field label={t('feedback.status')}>
          {(control) => (
            <select {...control} name="status" defaultValue={filters.status ?? ''}>
              <option value="">{t('list.all')}</option>
              {feedbackStatuses.map((value) => (
                <option key={value} value={value}>
                  {t(`feedback.statuses.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('feedback.category')}>
          {(control) => (
            <select {...control} name="category" defaultValue={filters.category ?? ''}>
              <option value="">{t('list.all')}</option>
              {feedbackCategories.map((value) => (
                <option key={value} value={value}>
                  {t(`feedback.categories.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('feedback.text')} hint={t('feedback.textHint')}>
          {(control) => <input {...control} name="text" type="search" defaultValue={filters.text} />}
        </Field>
      </SearchForm>

      <KeysetListView list={list} onLoadMore={() => void loadMore()}>
        {(ready) => (
          <>
            <p role="status" className="staff-total">
              {t('feedback.total', { count: ready.last.total })}
            </p>
            <DataTable
              caption={t('feedback.caption')}
              columns={[
                t('feedback.code'),
                t('feedback.category'),
                t('feedback.fullName'),
                t('feedback.excerpt'),
                t('feedback.status'),
                t('feedback.submittedAt'),
                { key: 'actions', label: <span className="as-visually-hidden">{t('list.actions')}</span> },
              ]}
            >
              {ready.items.map((item) => (
                <OpenableRow key={item.id} onOpen={() => open(item.id)}>
                  <td translate="no">{item.code}</td>
                  <td>{t(`feedback.categories.${item.category}`)}</td>
                  <td>{item.fullName}</td>
                  <td>{item.excerpt}</td>
                  <td>{t(`feedback.statuses.${item.status}`)}</td>
                  <td>{dateTime(item.submittedAt)}</td>
                  <td>
                    <Link
                      to={`/feedback/${item.id}`}
                      state={{ back }}
                      aria-label={t('feedback.viewOne', { code: item.code })}
                    >
                      {t('list.view')}
                    </Link>
                  </td>
                </OpenableRow>
              ))}
            </DataTable>
          </>
        )}
      </KeysetListView>
    </div>
  )
}
