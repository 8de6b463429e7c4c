import { type NewsListPage as NewsPage, type NewsSummary, newsCategories } from '@ansinh/domain'
import { useCallback, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { RecordContent, RecordsEmpty, RecordsPage } from '../my-records/record-parts'
import { useLanguage } from '../session/use-language'
import { useLoaded } from '../support/use-loaded'
import { getNewsList, newsFeedUrl } from './api'
import { NewsCategoryLabel, NewsDate, VietnameseOnlyNote } from './news-parts'
import { type NewsListView, newsArticlePath, newsListHref, newsListViewOf } from './paths'
import './news.css'

// What the 320px thumbnails are drawn at: the box is reserved before they arrive (no layout shift).
const THUMBNAIL_WIDTH = 320
const THUMBNAIL_HEIGHT = 180

/**
 * "Tin tức" (seed 002): the published articles, newest first, ten a page, by category. Public. The
 * category and the page live in the address (`?category=&page=`).
 */
export function NewsListPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const [params] = useSearchParams()
  const { category, page } = newsListViewOf(params)

  const load = useCallback(
    (signal: AbortSignal) => getNewsList({ ...(category ? { category } : {}), page }, language, signal),
    [category, page, language],
  )
  const { state, reload } = useLoaded(load)
  useTopOnNewPage(page)

  return (
    <RecordsPage title={t('services.news.title')}>
      <div className="news">
        <nav className="news-filter" aria-labelledby="news-filter-label">
          <p id="news-filter-label" className="news-filter__label">
            {t('news.categoryLabel')}
          </p>
          <ul className="news-filter__list">
            {[undefined, ...newsCategories].map((id) => (
              <li key={id ?? 'all'}>
                <Link
                  className="news-chip"
                  to={newsListHref(id ? { category: id, page: 1 } : { page: 1 })}
                  aria-current={category === id ? 'page' : undefined}
                >
                  {id ? t(`news.categories.${id}`) : t('news.allCategories')}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <VietnameseOnlyNote />
        <RecordContent state={state} reload={reload}>
          {(list) => <NewsResults list={list} view={{ ...(category ? { category } : {}), page }} />}
        </RecordContent>
        <p className="news-feed">
          <a href={newsFeedUrl} type="application/rss+xml">
            {t('news.rss')}
          </a>
        </p>
      </div>
    </RecordsPage>
  )
}

function NewsResults({ list, view }: { list: NewsPage; view: NewsListView }) {
  const { t } = useTranslation()
  if (list.items.length === 0) {
    return (
      <RecordsEmpty
        title={t('news.empty')}
        hint={view.page > 1 ? t('news.emptyPageHint') : t('news.emptyHint')}
      />
    )
  }
  return (
    <>
      <ul className="news-list">
        {list.items.map((item) => (
          <li key={item.slug}>
            <NewsCard item={item} />
          </li>
        ))}
      </ul>
      <Pagination list={list} view={view} />
    </>
  )
}

/** One article in the list: its title links to it. */
function NewsCard({ item }: { item: NewsSummary }) {
  const titleId = `news-card-${item.slug}`
  return (
    <article className="news-card" aria-labelledby={titleId}>
      <div className="news-card__text">
        <NewsCategoryLabel category={item.category} />
        <h2 id={titleId} className="news-card__title">
          <Link to={newsArticlePath(item.slug)}>{item.title}</Link>
        </h2>
        <p className="news-meta">
          <NewsDate at={item.publishedAt} />
          <span aria-hidden="true"> · </span>
          <span className="news-meta__publisher">{item.publisher.name}</span>
        </p>
        <p className="news-card__summary">{item.summary}</p>
      </div>
      {item.cover ? (
        // Beside its title the picture adds nothing a listener needs: empty alt here, the editor's
        // description on the article itself.
        <img
          className="news-card__image"
          src={item.cover.thumbnailUrl}
          alt=""
          width={THUMBNAIL_WIDTH}
          height={THUMBNAIL_HEIGHT}
          loading="lazy"
          decoding="async"
        />
      ) : null}
    </article>
  )
}

/** "Trang trước · Trang x/y · Trang sau", links so that each page has its address. */
function Pagination({ list, view }: { list: NewsPage; view: NewsListView }) {
  const { t } = useTranslation()
  if (list.pageCount <= 1) return null
  const previous = list.page > 1 ? newsListHref({ ...view, page: list.page - 1 }) : null
  const next = list.page < list.pageCount ? newsListHref({ ...view, page: list.page + 1 }) : null
  return (
    <nav className="news-pages" aria-label={t('news.pagination')}>
      {previous ? (
        <Link className="as-button as-button--secondary news-pages__link" to={previous} rel="prev">
          {t('news.previous')}
        </Link>
      ) : (
        <span className="news-pages__spacer" />
      )}
      <p className="news-pages__position">
        {t('news.pageOf', { page: list.page, pageCount: list.pageCount })}
      </p>
      {next ? (
        <Link className="as-button as-button--secondary news-pages__link" to={next} rel="next">
          {t('news.next')}
        </Link>
      ) : (
        <span className="news-pages__spacer" />
      )}
    </nav>
  )
}

/**
 * Another page replaces the list under the reader (the layout only reacts to a new path): start it at
 * the top, with the focus on the heading, as a new page would.
 */
function useTopOnNewPage(page: number) {
  const shown = useRef(page)
  useEffect(() => {
    if (shown.current === page) return
    shown.current = page
    window.scrollTo(0, 0)
    const heading = document.querySelector<HTMLElement>('#main h1')
    if (!heading) return
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
    heading.focus({ preventScroll: true })
  }, [page])
}
