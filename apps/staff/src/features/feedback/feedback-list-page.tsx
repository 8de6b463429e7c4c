import { feedbackCategories, feedbackStatuses } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '../session/session'
import { actionsColumn, DataTable, OpenableRow, useRecordLinks, ViewCell } from '../shared/data-table'
import { Field } from '../shared/field'
import { dateTime } from '../shared/format'
import { KeysetListView, useKeysetList } from '../shared/keyset-list'
import { usePageTitle } from '../shared/page-title'
import { SearchForm, SelectFilter } from '../shared/search-form'
import { useUrlFilters } from '../shared/url-filters'
import { searchFeedback } from './api'

const filterKeys = ['status', 'category', 'text'] as const

/** "Phản ánh": feedback routed to the offices within reach, newest first, with its filters. */
export function FeedbackListPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { query, filters, search } = useUrlFilters(filterKeys)
  const { list, loadMore } = useKeysetList(query, (cursor) =>
    searchFeedback({ ...filters, cursor }, language),
  )
  const { linkTo, open } = useRecordLinks('/feedback', query)
  usePageTitle(t('feedback.title'))

  return (
    <div className="staff-page">
      <h1 className="staff-page__title">{t('feedback.title')}</h1>

      <SearchForm
        onSubmit={(event) => search(event)}
        aria-label={t('feedback.searchPanel')}
        key={query}
        submitLabel={t('list.search')}
      >
        <SelectFilter
          label={t('feedback.status')}
          name="status"
          value={filters.status}
          choices={feedbackStatuses}
          labelOf={(value) => t(`feedback.statuses.${value}`)}
        />
        <SelectFilter
          label={t('feedback.category')}
          name="category"
          value={filters.category}
          choices={feedbackCategories}
          labelOf={(value) => t(`feedback.categories.${value}`)}
        />
        <Field label={t('feedback.text')} hint={t('feedback.textHint')}>
          {(control) => <input {...control} name="text" type="search" defaultValue={filters.text} />}
        </Field>
      </SearchForm>

      <KeysetListView
        list={list}
        onLoadMore={() => void loadMore()}
        total={(ready) => t('feedback.total', { count: ready.last.total })}
      >
        {(ready) => (
          <DataTable
            caption={t('feedback.caption')}
            columns={[
              t('feedback.code'),
              t('feedback.category'),
              t('feedback.fullName'),
              t('feedback.excerpt'),
              t('feedback.status'),
              t('feedback.submittedAt'),
              actionsColumn,
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
                <ViewCell {...linkTo(item.id)} label={t('feedback.viewOne', { code: item.code })} />
              </OpenableRow>
            ))}
          </DataTable>
        )}
      </KeysetListView>
    </div>
  )
}
