import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../not-found/not-found-page'
import { FeedbackPage } from './feedback-page'
import { FeedbackStatusPage } from './feedback-status-page'

/** `/support/feedback` (the form) and `/support/feedback/status` (the look-up), open without an account. */
export function FeedbackRoutes() {
  return (
    <Routes>
      <Route index element={<FeedbackPage />} />
      <Route path="status" element={<FeedbackStatusPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
