import { lazyPage } from '@ansinh/ui'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, Route, Routes } from 'react-router'
import { PasswordPage } from '../features/account/password-page'
import { RecoveryCodesPage } from '../features/account/recovery-codes-page'
import { AccountDetailPage } from '../features/citizen-accounts/account-detail-page'
import { AccountSearchPage } from '../features/citizen-accounts/account-search-page'
import { DossierDetailPage } from '../features/dossiers/dossier-detail-page'
import { DossierListPage } from '../features/dossiers/dossier-list-page'
import { NotFoundPage } from '../features/not-found/not-found-page'
import { canSee, homePathOf, type StaffSection } from '../features/session/roles'
import { RequireSession, useStaff } from '../features/session/session'
import { SignInPage } from '../features/sign-in/sign-in-page'
import { PlaceholderPage } from '../features/workspace/placeholder-page'
import { StaffLayout } from './staff-layout'

// Sections most staff never open (news, imports, organisations, administration, audit, feedback) are
// their own chunks, fetched when first opened; the sign-in and the dossiers, where caseworkers land, are
// in the first download.
const AuditLogPage = lazyPage(
  () => import('../features/audit/audit-log-page'),
  (m) => m.AuditLogPage,
)
const FeedbackDetailPage = lazyPage(
  () => import('../features/feedback/feedback-detail-page'),
  (m) => m.FeedbackDetailPage,
)
const FeedbackListPage = lazyPage(
  () => import('../features/feedback/feedback-list-page'),
  (m) => m.FeedbackListPage,
)
const ImportPage = lazyPage(
  () => import('../features/imports/import-page'),
  (m) => m.ImportPage,
)
const NewsEditorPage = lazyPage(
  () => import('../features/news/news-editor-page'),
  (m) => m.NewsEditorPage,
)
const NewsListPage = lazyPage(
  () => import('../features/news/news-list-page'),
  (m) => m.NewsListPage,
)
const OrganisationsPage = lazyPage(
  () => import('../features/organisations/organisations-page'),
  (m) => m.OrganisationsPage,
)
const StaffAccountsPage = lazyPage(
  () => import('../features/staff-accounts/staff-accounts-page'),
  (m) => m.StaffAccountsPage,
)

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
        <Route path="dossiers" element={<Casework section="dossiers" page={<DossierListPage />} />} />
        <Route path="dossiers/individuals" element={<Navigate to="/dossiers" replace />} />
        <Route path="dossiers/:id" element={<Casework section="dossiers" page={<DossierDetailPage />} />} />
        <Route path="feedback" element={<Casework section="feedback" page={<FeedbackListPage />} />} />
        <Route path="feedback/:id" element={<Casework section="feedback" page={<FeedbackDetailPage />} />} />
        <Route path="accounts" element={<Casework section="accounts" page={<AccountSearchPage />} />} />
        <Route path="accounts/:id" element={<Casework section="accounts" page={<AccountDetailPage />} />} />
        <Route
          path="reports"
          element={<Casework section="reports" page={<PlaceholderPage title={t('pages.reports')} />} />}
        />
        <Route path="news" element={<NewsListPage />} />
        <Route path="news/new" element={<NewsEditorPage />} />
        <Route path="news/:id" element={<NewsEditorPage />} />
        <Route path="imports" element={<ImportPage />} />
        <Route path="imports/:id" element={<ImportPage />} />
        <Route path="organisations" element={<OrganisationsPage tab="report" />} />
        <Route path="organisations/:id" element={<OrganisationsPage tab="report" />} />
        <Route path="organisations/:id/members" element={<OrganisationsPage tab="members" />} />
        <Route path="organisations/:id/dossiers" element={<OrganisationsPage tab="dossiers" />} />
        <Route path="admin" element={<StaffAccountsPage />} />
        <Route path="audit" element={<AuditLogPage />} />
        <Route path="me/password" element={<PasswordPage />} />
        <Route path="me/recovery-codes" element={<RecoveryCodesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}

/**
 * A casework page (dossiers, feedback, citizen accounts, reports) for the roles that serve people's
 * cases; anyone else (an organisation administrator who followed an old link) goes to their own
 * landing page, as the API would answer them 404 on every call of the page.
 */
function Casework({ section, page }: { section: StaffSection; page: ReactNode }) {
  const { role } = useStaff()
  return canSee(role, section) ? page : <Navigate to={homePathOf(role)} replace />
}
