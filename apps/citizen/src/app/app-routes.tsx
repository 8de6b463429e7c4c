import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { ComingSoonPage } from '../features/coming-soon/coming-soon-page'
import { HomePage } from '../features/home/home-page'
import { services } from '../features/home/services'
import { NotFoundPage } from '../features/not-found/not-found-page'
import { StepLoading } from '../features/registration/step-loading'
import { AppLayout } from './app-layout'

// The registration feature (schemas, form, status check) is its own chunk, fetched when first opened.
const RegistrationRoutes = lazy(() =>
  import('../features/registration/registration-routes').then((module) => ({
    default: module.RegistrationRoutes,
  })),
)

/** Wires paths to pages; the pages live in `features/`. */
export function AppRoutes() {
  const { t } = useTranslation()
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        {services.map((service) => (
          <Route
            key={service.id}
            path={service.path}
            element={<ComingSoonPage title={t(`services.${service.id}.title`)} />}
          />
        ))}
        <Route path="/sign-in" element={<ComingSoonPage title={t('account.signIn')} />} />
        <Route
          path="/register/*"
          element={
            <Suspense fallback={<StepLoading />}>
              <RegistrationRoutes />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
