import { newsStatuses } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { canSee, homePathOf } from '../session/roles'
import { useLanguage, useStaff } from '../session/session'
import { DataTable, OpenableRow, useRecordLinks } from '../shared/data-table'
import { Field } from '../shared/field'
import { dateTime } from '../shared/format'
import { KeysetListView, useKeysetList } from '../shared/keyset-list'
import { NotAllowedPage } from '../shared/page-message'
import { usePageTitle } from '../shared/page-title'
import { SearchForm, SelectFilter } from '../shared/search-form'
import { useUrlFilters } from '../shared/url-filters'
import { searchNews } from './api'
import { NewsStatusBadge } from './news-status'
import './news.css'

const filterKeys = ['status', 'text'] as const

/** "Tin tức": for news editors; anyone else is told they may not (the API answers them 404). */
export function NewsListPage() {
  const { t } = useTranslation()
  const { role } = useStaff()
  return canSee(role, 'news') ? (
    <NewsList />
  ) : (
    <NotAllowedPage body={t('news.notAllowed')} back={{ to: homePathOf(role), label: t('news.back') }} />
  )
}

/** The articles of the offices within reach, last changed first, "Viết bài mới" above them. */
function NewsList() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { query, filters, search } = useUrlFilters(filterKeys)
  const { list, loadMore } = useKeysetList(query, (cursor) => searchNews({ ...filters, cursor }, language))
  const { back, linkTo, open } = useRecordLinks('/news', query)
  usePageTitle(t('news.title'))

  return (
    <div className="staff-page">
      <h1 className="staff-page__title">{t('news.title')}</h1>

      <div className="staff-toolbar">
        <Link to="/news/new" state={{ back }} className="as-button as-button--primary">
          {t('news.newArticle')}
        </Link>
      </div>

      <SearchForm
        onSubmit={(event) => search(event)}
        aria-label={t('news.searchPanel')}
        key={query}
        submitLabel={t('list.search')}
      >
        <SelectFilter
          label={t('news.status')}
          name="status"
          value={filters.status}
          choices={newsStatuses}
          labelOf={(value) => t(`news.statuses.${value}`)}
        />
        <Field label={t('news.text')} hint={t('news.textHint')}>
          {(control) => (
            <input {...control} name="text" type="search" maxLength={100} defaultValue={filters.text} />
          )}
        </Field>
      </SearchForm>

      <KeysetListView
        list={list}
        onLoadMore={() => void loadMore()}
        total={(ready) => t('news.total', { count: ready.last.total })}
      >
        {(ready) =>
          ready.items.length === 0 ? (
            <p>{t('news.empty')}</p>
          ) : (
            <DataTable
              caption={t('news.caption')}
              columns={[
                t('news.titleColumn'),
                t('news.category'),
                t('news.status'),
                t('news.publisher'),
                t('news.updatedAt'),
                t('news.publishedAt'),
              ]}
            >
              {ready.items.map((item) => (
                <OpenableRow key={item.id} onOpen={() => open(item.id)}>
                  <td>
                    <Link {...linkTo(item.id)}>{item.title}</Link>
                  </td>
                  <td>{t(`news.categories.${item.category}`)}</td>
                  <td>
                    <NewsStatusBadge status={item.status} />
                  </td>
                  <td>{`[${item.publisher.code}] ${item.publisher.name}`}</td>
                  <td>{dateTime(item.updatedAt)}</td>
                  <td>{item.publishedAt ? dateTime(item.publishedAt) : '—'}</td>
                </OpenableRow>
              ))}
            </DataTable>
          )
        }
      </KeysetListView>
    </div>
  )
}
