import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { ComingSoonPage } from '../features/coming-soon/coming-soon-page'
import { HomePage } from '../features/home/home-page'
import { lazyPage, offlineServicePages, servicePages } from '../features/home/service-pages'
import { services } from '../features/home/services'
import { inboxPath } from '../features/inbox/api'
import { NotFoundPage } from '../features/not-found/not-found-page'
import { StepLoading } from '../features/registration/step-loading'
import { RequireSignIn } from '../features/session/require-sign-in'
import { devicesPath, forgotPasswordPath, passwordPath, signInPath } from '../features/session/session'
import { AppLayout } from './app-layout'

// The registration feature (schemas, form, status check) is its own chunk, fetched when first opened.
const RegistrationRoutes = lazy(() =>
  import('../features/registration/registration-routes').then((module) => ({
    default: module.RegistrationRoutes,
  })),
)

// Sign-in and account security: small screens, each its own chunk, sharing the registration's form parts.
const SignInPage = lazy(() =>
  import('../features/sign-in/sign-in-page').then((module) => ({ default: module.SignInPage })),
)
const ForgotPasswordPage = lazy(() =>
  import('../features/account-security/forgot-password-page').then((module) => ({
    default: module.ForgotPasswordPage,
  })),
)
const ChangePasswordPage = lazy(() =>
  import('../features/account-security/change-password-page').then((module) => ({
    default: module.ChangePasswordPage,
  })),
)
const DevicesPage = lazy(() =>
  import('../features/account-security/devices-page').then((module) => ({ default: module.DevicesPage })),
)

// "Dịch vụ công" requests (under the list page of its tile) and "Thông báo", behind the sign-in.
const PublicServiceRoutes = lazyPage(
  () => import('../features/public-services/public-services-page'),
  (m) => m.PublicServiceRoutes,
)
const InboxPage = lazyPage(
  () => import('../features/inbox/inbox-page'),
  (m) => m.InboxPage,
)

const loading = <StepLoading />

/** Wires paths to pages; the pages live in `features/`. */
export function AppRoutes() {
  const { t } = useTranslation()
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        {services.map((service) => {
          const title = t(`services.${service.id}.title`)
          const Page = servicePages[service.id]
          const page = Page ? (
            <Suspense fallback={loading}>
              <Page />
            </Suspense>
          ) : (
            <ComingSoonPage title={title} />
          )
          // A placeholder holds no personal data: signed out, it stays open and offers the sign-in.
          return (
            <Route
              key={service.id}
              path={service.path}
              element={
                service.account ? (
                  <RequireSignIn
                    signedOut={<ComingSoonPage title={title} signInFirst={service.path} />}
                    offline={offlineServicePages.has(service.id) ? page : undefined}
                  >
                    {page}
                  </RequireSignIn>
                ) : (
                  page
                )
              }
            />
          )
        })}
        <Route
          path={signInPath}
          element={
            <Suspense fallback={loading}>
              <SignInPage />
            </Suspense>
          }
        />
        <Route
          path={forgotPasswordPath}
          element={
            <Suspense fallback={loading}>
              <ForgotPasswordPage />
            </Suspense>
          }
        />
        <Route
          path={passwordPath}
          element={
            <RequireSignIn>
              <Suspense fallback={loading}>
                <ChangePasswordPage />
              </Suspense>
            </RequireSignIn>
          }
        />
        <Route
          path={devicesPath}
          element={
            <RequireSignIn>
              <Suspense fallback={loading}>
                <DevicesPage />
              </Suspense>
            </RequireSignIn>
          }
        />
        <Route
          path="/public-services/*"
          element={
            <RequireSignIn>
              <Suspense fallback={loading}>
                <PublicServiceRoutes />
              </Suspense>
            </RequireSignIn>
          }
        />
        <Route
          path={inboxPath}
          element={
            <RequireSignIn>
              <Suspense fallback={loading}>
                <InboxPage />
              </Suspense>
            </RequireSignIn>
          }
        />
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
