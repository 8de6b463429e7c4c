import type { ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Route, Routes } from 'react-router'
import { ChevronRightIcon } from '../../components/icons'
import { directoryLookupLinks } from '../directory-lookup/paths'
import { NotFoundPage } from '../not-found/not-found-page'
import { ServicePage } from '../public-services/service-parts'
import { BhxhCodeLookupPage } from './bhxh-code-page'
import { HealthCardLookupPage } from './health-card-lookup-page'
import { type LookupId, lookupIds, lookupPath, lookupPaths } from './lookup-parts'

/**
 * "Tra cứu trực tuyến" (seed 002): the look-ups open to everyone, without an account — the BHXH code
 * and the card here, then the directory's (offices, facilities, employers, collection points).
 */
export function LookupPage() {
  const { t } = useTranslation()
  return (
    <ServicePage title={t('services.lookup.title')} intro={t('lookup.intro')}>
      <nav aria-label={t('services.lookup.title')}>
        <ul className="pubsvc-services">
          {lookupIds.map((id) => (
            <HubLink
              key={id}
              to={lookupPaths[id]}
              title={t(`lookup.${id}.title`)}
              description={t(`lookup.${id}.description`)}
            />
          ))}
          {directoryLookupLinks.map((link) => (
            <HubLink
              key={link.key}
              to={link.to}
              title={t(`directoryLookup.${link.key}.title`)}
              description={t(`directoryLookup.${link.key}.description`)}
            />
          ))}
        </ul>
      </nav>
    </ServicePage>
  )
}

function HubLink({ to, title, description }: { to: string; title: string; description: string }) {
  return (
    <li>
      <Link to={to} className="pubsvc-service">
        <span className="pubsvc-service__text">
          <span className="pubsvc-service__title">{title}</span>
          <span className="pubsvc-service__description">{description}</span>
        </span>
        <ChevronRightIcon />
      </Link>
    </li>
  )
}

const pages: Record<LookupId, ComponentType> = {
  bhxhCode: BhxhCodeLookupPage,
  healthCard: HealthCardLookupPage,
}

/** The look-ups under `/lookup/…` (app-routes.tsx); the list itself is the tile's page. */
export function LookupRoutes() {
  return (
    <Routes>
      {lookupIds.map((id) => {
        const Page = pages[id]
        return <Route key={id} path={lookupPaths[id].slice(lookupPath.length + 1)} element={<Page />} />
      })}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
