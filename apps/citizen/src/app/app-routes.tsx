import { eidLinkResultPath, eidSignInResultPath } from '@ansinh/domain'
import { lazyPage } from '@ansinh/ui'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { ComingSoonPage } from '../features/coming-soon/coming-soon-page'
import {
  type DirectoryLookupId,
  directoryLookupIds,
  directoryLookupPaths,
} from '../features/directory-lookup/paths'
import { HomePage } from '../features/home/home-page'
import { offlineServicePages, servicePages } from '../features/home/service-pages'
import { type ServiceId, services } from '../features/home/services'
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
// Back from the national e-ID provider: the sign-in's outcome, and the link's (behind the sign-in).
const EidSignInResultPage = lazyPage(
  () => import('../features/eid/eid-result-page'),
  (m) => m.EidSignInResultPage,
)
const EidLinkPage = lazyPage(
  () => import('../features/eid/eid-link-page'),
  (m) => m.EidLinkPage,
)

// "Dịch vụ công" requests (under the list page of its tile) and "Thông báo", behind the sign-in.
const PublicServiceRoutes = lazyPage(
  () => import('../features/public-services/public-services-page'),
  (m) => m.PublicServiceRoutes,
)
// The look-ups under "Tra cứu trực tuyến" (its list is the tile's page), open without an account.
const LookupRoutes = lazyPage(
  () => import('../features/lookup/lookup-page'),
  (m) => m.LookupRoutes,
)
// Tra cứu cơ quan BHXH, CSKCB, đơn vị, điểm thu: one chunk for the four, at paths more specific than
// `/lookup/*`, so they win over the look-up routes there.
const DirectoryLookupPages = lazy(() =>
  import('../features/directory-lookup/directory-lookup-pages').then((module) => ({
    default: ({ id }: { id: DirectoryLookupId }) => {
      const Page = module.directoryLookupPages[id]
      return <Page />
    },
  })),
)
const InboxPage = lazyPage(
  () => import('../features/inbox/inbox-page'),
  (m) => m.InboxPage,
)
// "Phản ánh kiến nghị" under "Hỗ trợ": the form and the look-up, public (more specific than /support/*).
const FeedbackRoutes = lazyPage(
  () => import('../features/feedback/feedback-routes'),
  (m) => m.FeedbackRoutes,
)
// "Hỗ trợ": an FAQ entry and the chatbot under the tile's page, public.
const SupportRoutes = lazyPage(
  () => import('../features/support/support-page'),
  (m) => m.SupportRoutes,
)
// "Tin tức": the list (the tile's page) and an article, public, both under `/news/*` below.
const NewsRoutes = lazyPage(
  () => import('../features/news/news-routes'),
  (m) => m.NewsRoutes,
)

/** Tiles whose page is wired below with what opens from it (`<path>/*`), not by the services loop. */
const routedServices: ReadonlySet<ServiceId> = new Set<ServiceId>(['news'])

const loading = <StepLoading />

/** Wires paths to pages; the pages live in `features/`. */
export function AppRoutes() {
  const { t } = useTranslation()
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        {services.map((service) => {
          if (routedServices.has(service.id)) return null
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
          path={eidSignInResultPath}
          element={
            <Suspense fallback={loading}>
              <EidSignInResultPage />
            </Suspense>
          }
        />
        <Route
          path={eidLinkResultPath}
          element={
            <RequireSignIn>
              <Suspense fallback={loading}>
                <EidLinkPage />
              </Suspense>
            </RequireSignIn>
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
        {directoryLookupIds.map((id) => (
          <Route
            key={id}
            path={directoryLookupPaths[id]}
            element={
              <Suspense fallback={loading}>
                <DirectoryLookupPages id={id} />
              </Suspense>
            }
          />
        ))}
        <Route
          path="/lookup/*"
          element={
            <Suspense fallback={loading}>
              <LookupRoutes />
            </Suspense>
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
          path="/support/feedback/*"
          element={
            <Suspense fallback={loading}>
              <FeedbackRoutes />
            </Suspense>
          }
        />
        <Route
          path="/support/*"
          element={
            <Suspense fallback={loading}>
              <SupportRoutes />
            </Suspense>
          }
        />
        <Route
          path="/news/*"
          element={
            <Suspense fallback={loading}>
              <NewsRoutes />
            </Suspense>
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
