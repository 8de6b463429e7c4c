import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../features/not-found/not-found-page'
import { SignInPage } from '../features/sign-in/sign-in-page'
import { PlaceholderPage } from '../features/workspace/placeholder-page'
import { StaffLayout } from './staff-layout'

/** Paths are relative to the `/staff` basename. */
export function AppRoutes() {
  const { t } = useTranslation()
  return (
    <Routes>
      <Route index element={<SignInPage />} />
      <Route element={<StaffLayout />}>
        <Route path="dossiers/individuals" element={<PlaceholderPage title={t('pages.individuals')} />} />
        <Route path="lookup" element={<PlaceholderPage title={t('pages.lookup')} />} />
        <Route path="reports" element={<PlaceholderPage title={t('pages.reports')} />} />
        <Route path="admin" element={<PlaceholderPage title={t('pages.admin')} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
