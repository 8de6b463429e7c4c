import { useTranslation } from 'react-i18next'
import { Navigate, Route, Routes } from 'react-router'
import { PasswordPage } from '../features/account/password-page'
import { RecoveryCodesPage } from '../features/account/recovery-codes-page'
import { AuditLogPage } from '../features/audit/audit-log-page'
import { AccountDetailPage } from '../features/citizen-accounts/account-detail-page'
import { AccountSearchPage } from '../features/citizen-accounts/account-search-page'
import { DossierDetailPage } from '../features/dossiers/dossier-detail-page'
import { DossierListPage } from '../features/dossiers/dossier-list-page'
import { FeedbackDetailPage } from '../features/feedback/feedback-detail-page'
import { FeedbackListPage } from '../features/feedback/feedback-list-page'
import { ImportPage } from '../features/imports/import-page'
import { NewsEditorPage } from '../features/news/news-editor-page'
import { NewsListPage } from '../features/news/news-list-page'
import { NotFoundPage } from '../features/not-found/not-found-page'
import { RequireSession } from '../features/session/session'
import { SignInPage } from '../features/sign-in/sign-in-page'
import { StaffAccountsPage } from '../features/staff-accounts/staff-accounts-page'
import { PlaceholderPage } from '../features/workspace/placeholder-page'
import { StaffLayout } from './staff-layout'

/** Paths are relative to the `/staff` basename. */
export function AppRoutes() {
  const { t } = useTranslation()
  return (
    <Routes>
      <Route index element={<SignInPage />} />
      <Route
        element={
          <RequireSession>
            <StaffLayout />
          </RequireSession>
        }
      >
        <Route path="dossiers" element={<DossierListPage />} />
        <Route path="dossiers/individuals" element={<Navigate to="/dossiers" replace />} />
        <Route path="dossiers/:id" element={<DossierDetailPage />} />
        <Route path="feedback" element={<FeedbackListPage />} />
        <Route path="feedback/:id" element={<FeedbackDetailPage />} />
        <Route path="accounts" element={<AccountSearchPage />} />
        <Route path="accounts/:id" element={<AccountDetailPage />} />
        <Route path="reports" element={<PlaceholderPage title={t('pages.reports')} />} />
        <Route path="news" element={<NewsListPage />} />
        <Route path="news/new" element={<NewsEditorPage />} />
        <Route path="news/:id" element={<NewsEditorPage />} />
        <Route path="imports" element={<ImportPage />} />
        <Route path="imports/:id" element={<ImportPage />} />
        <Route path="admin" element={<StaffAccountsPage />} />
        <Route path="audit" element={<AuditLogPage />} />
        <Route path="me/password" element={<PasswordPage />} />
        <Route path="me/recovery-codes" element={<RecoveryCodesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
