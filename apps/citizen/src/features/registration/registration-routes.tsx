import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../not-found/not-found-page'
import { DoneStep } from './done-step'
import { InfoStep } from './info-step'
import { OfficeStep } from './office-step'
import { PhotosStep } from './photos-step'
import { RegisterIndex, RegistrationLayout } from './registration-layout'
import { ReviewStep } from './review-step'
import { StatusPage } from './status-page'

/**
 * Everything under /register, loaded on demand (zod schemas, the form, the status check): the home
 * screen does not wait for it. The wizard's steps share the layout that holds the draft.
 */
export function RegistrationRoutes() {
  return (
    <Routes>
      <Route path="status" element={<StatusPage />} />
      <Route element={<RegistrationLayout />}>
        <Route index element={<RegisterIndex />} />
        <Route path="info" element={<InfoStep />} />
        <Route path="photos" element={<PhotosStep />} />
        <Route path="office" element={<OfficeStep />} />
        <Route path="review" element={<ReviewStep />} />
        <Route path="done" element={<DoneStep />} />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
