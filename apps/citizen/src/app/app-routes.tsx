import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { ComingSoonPage } from '../features/coming-soon/coming-soon-page'
import { HomePage } from '../features/home/home-page'
import { services } from '../features/home/services'
import { NotFoundPage } from '../features/not-found/not-found-page'
import { DoneStep } from '../features/registration/done-step'
import { InfoStep } from '../features/registration/info-step'
import { OfficeStep } from '../features/registration/office-step'
import { PhotosStep } from '../features/registration/photos-step'
import { RegisterIndex, RegistrationLayout } from '../features/registration/registration-layout'
import { ReviewStep } from '../features/registration/review-step'
import { StatusPage } from '../features/registration/status-page'
import { AppLayout } from './app-layout'

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
        <Route path="/register/status" element={<StatusPage />} />
        <Route path="/register" element={<RegistrationLayout />}>
          <Route index element={<RegisterIndex />} />
          <Route path="info" element={<InfoStep />} />
          <Route path="photos" element={<PhotosStep />} />
          <Route path="office" element={<OfficeStep />} />
          <Route path="review" element={<ReviewStep />} />
          <Route path="done" element={<DoneStep />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
