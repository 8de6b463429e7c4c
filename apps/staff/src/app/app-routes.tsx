import { useTranslation } from 'react-i18next'
import { Navigate, Route, Routes } from 'react-router'
import { DossierDetailPage } from '../features/dossiers/dossier-detail-page'
import { DossierListPage } from '../features/dossiers/dossier-list-page'
import { NotFoundPage } from '../features/not-found/not-found-page'
import { RequireSession } from '../features/session/session'
import { SignInPage } from '../features/sign-in/sign-in-page'
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
        <Route path="lookup" element={<PlaceholderPage title={t('pages.lookup')} />} />
        <Route path="reports" element={<PlaceholderPage title={t('pages.reports')} />} />
        <Route path="admin" element={<PlaceholderPage title={t('pages.admin')} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
