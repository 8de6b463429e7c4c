import type { ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Route, Routes } from 'react-router'
import { ChevronRightIcon } from '../../components/icons'
import { NotFoundPage } from '../not-found/not-found-page'
import { ChangePage } from './change-page'
import { ChildPage } from './child-page'
import { DossierList } from './dossier-list'
import { type PublicServiceId, publicServiceIds, publicServicePath, ServicePage } from './service-parts'
import { StopPage } from './stop-page'

/** "Dịch vụ công" (seeds 001, 004): the three requests, then the dossiers already filed. */
export function PublicServicesPage() {
  const { t } = useTranslation()
  return (
    <ServicePage title={t('services.publicServices.title')} intro={t('publicServices.intro')}>
      <nav className="pubsvc-section" aria-labelledby="pubsvc-services">
        <h2 id="pubsvc-services" className="pubsvc-heading">
          {t('publicServices.servicesHeading')}
        </h2>
        <ul className="pubsvc-services">
          {publicServiceIds.map((id) => (
            <li key={id}>
              <Link to={publicServicePath(id)} className="pubsvc-service">
                <span className="pubsvc-service__text">
                  <span className="pubsvc-service__title">{t(`publicServices.${id}.title`)}</span>
                  <span className="pubsvc-service__description">{t(`publicServices.${id}.description`)}</span>
                </span>
                <ChevronRightIcon />
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <DossierList />
    </ServicePage>
  )
}

const pages: Record<PublicServiceId, ComponentType> = {
  child: ChildPage,
  change: ChangePage,
  stop: StopPage,
}

/** The requests under `/public-services/…`, behind the sign-in (app-routes.tsx). */
export function PublicServiceRoutes() {
  return (
    <Routes>
      {publicServiceIds.map((id) => {
        const Page = pages[id]
        return <Route key={id} path={id} element={<Page />} />
      })}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
