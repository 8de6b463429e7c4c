import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../not-found/not-found-page'
import { NewsArticlePage } from './news-article-page'
import { NewsListPage } from './news-list-page'
import { newsArticleRoute } from './paths'

/** `/news` (the list, the home tile's page) and `/news/:slug` (an article), open without an account. */
export function NewsRoutes() {
  return (
    <Routes>
      <Route index element={<NewsListPage />} />
      <Route path={newsArticleRoute} element={<NewsArticlePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
