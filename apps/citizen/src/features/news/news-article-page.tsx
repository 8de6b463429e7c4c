import type { NewsArticleView } from '@ansinh/domain'
import { useDocumentTitle } from '@ansinh/ui'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { BackButton } from '../coming-soon/back-button'
import { RecordContent } from '../my-records/record-parts'
import { useFocusHeadingOnArrival } from '../registration/use-focus-on-arrival'
import { useLanguage } from '../session/use-language'
import { useLoaded } from '../support/use-loaded'
import { getNewsArticle } from './api'
import { NewsDate, VietnameseOnlyNote } from './news-parts'
import { newsArticlePath, newsPath } from './paths'
import { canShareNatively, type ShareOutcome, shareLink } from './share'
import './news.css'

// What the cover's box is drawn at until the picture arrives (its own proportions then take over).
const COVER_WIDTH = 1200
const COVER_HEIGHT = 675

/**
 * One article: title, category, dates and publisher, the cover, then the body. The `<h1>` stays the
 * same element while loading, so that the focus given on arrival stays on it; it reads the article's
 * title once loaded (as does the document's title).
 */
export function NewsArticlePage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { slug = '' } = useParams()
  const load = useCallback((signal: AbortSignal) => getNewsArticle(slug, language, signal), [slug, language])
  const { state, reload } = useLoaded(load)
  const notFound = state.status === 'error' && state.failure.status === 404

  const title =
    state.status === 'ok' ? state.value.title : notFound ? t('news.notFound.title') : t('services.news.title')
  useFocusHeadingOnArrival()
  useDocumentTitle(t('app.name'), title)

  return (
    <div className="page records-page news-page">
      <div className="page-bar">
        <BackButton />
        <h1 id="news-article-title" className="page-bar__title news-article__title">
          {title}
        </h1>
      </div>
      {notFound ? (
        <p className="records-empty" role="status">
          {t('news.notFound.body')}
        </p>
      ) : (
        <RecordContent state={state} reload={reload}>
          {(article) => <Article article={article} />}
        </RecordContent>
      )}
      <p className="news-back">
        <Link to={newsPath}>{t('news.backToList')}</Link>
      </p>
    </div>
  )
}

function Article({ article }: { article: NewsArticleView }) {
  const { t } = useTranslation()
  return (
    <article className="news-article" aria-labelledby="news-article-title">
      <div className="news-article__meta">
        <p className="news-meta">
          <span className="news-meta__category">{t(`news.categories.${article.category}`)}</span>
          <span aria-hidden="true"> · </span>
          <NewsDate at={article.publishedAt} />
          <span aria-hidden="true"> · </span>
          <span className="news-meta__publisher">{article.publisher.name}</span>
          {article.updatedAt ? (
            <>
              <span aria-hidden="true"> · </span>
              <span>
                {t('news.updated')} <NewsDate at={article.updatedAt} />
              </span>
            </>
          ) : null}
        </p>
        <ShareButton title={article.title} slug={article.slug} />
      </div>
      <VietnameseOnlyNote />
      {article.cover ? (
        <img
          className="news-article__cover"
          src={article.cover.url}
          alt={article.cover.alt}
          width={COVER_WIDTH}
          height={COVER_HEIGHT}
          decoding="async"
        />
      ) : null}
      <p className="news-article__summary">{article.summary}</p>
      <div
        className="news-prose"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: the server renders the editor's Markdown and sanitises the HTML with an allow-list (paragraphs, headings, lists, links, same-origin images, quotes, tables, code); the CSP forbids inline script
        dangerouslySetInnerHTML={{ __html: article.bodyHtml }}
      />
    </article>
  )
}

/** The share sheet where the device has one, else "copy the link", with what happened announced. */
function ShareButton({ title, slug }: { title: string; slug: string }) {
  const { t } = useTranslation()
  const [outcome, setOutcome] = useState<ShareOutcome | null>(null)
  const url = new URL(newsArticlePath(slug), window.location.origin).href
  const native = canShareNatively(navigator)
  return (
    <div className="news-share">
      <button
        type="button"
        className="as-button as-button--secondary"
        onClick={() => {
          setOutcome(null)
          void shareLink(navigator, { title, url }).then(setOutcome)
        }}
      >
        {native ? t('news.share') : t('news.copyLink')}
      </button>
      <p className="news-share__status" role="status">
        {outcome === 'copied' ? t('news.copied') : outcome === 'failed' ? t('news.copyFailed', { url }) : ''}
      </p>
    </div>
  )
}
