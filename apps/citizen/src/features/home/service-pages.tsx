import { lazyPage } from '@ansinh/ui'
import type { ComponentType, LazyExoticComponent } from 'react'
import type { ServiceId } from './services'

/**
 * The page behind each tile of the home screen, each its own chunk fetched when first opened. A tile
 * without an entry here still shows the "coming soon" placeholder.
 */
export const servicePages: Partial<Record<ServiceId, LazyExoticComponent<ComponentType>>> = {
  profile: lazyPage(
    () => import('../my-records/profile-page'),
    (m) => m.ProfilePage,
  ),
  healthCard: lazyPage(
    () => import('../health-card/health-card-page'),
    (m) => m.HealthCardPage,
  ),
  participation: lazyPage(
    () => import('../my-records/participation-page'),
    (m) => m.ParticipationPage,
  ),
  benefits: lazyPage(
    () => import('../my-records/benefits-page'),
    (m) => m.BenefitsPage,
  ),
  medicalVisits: lazyPage(
    () => import('../my-records/medical-visits-page'),
    (m) => m.MedicalVisitsPage,
  ),
  publicServices: lazyPage(
    () => import('../public-services/public-services-page'),
    (m) => m.PublicServicesPage,
  ),
  lookup: lazyPage(
    () => import('../lookup/lookup-page'),
    (m) => m.LookupPage,
  ),
  support: lazyPage(
    () => import('../support/support-page'),
    (m) => m.SupportPage,
  ),
}

/**
 * Pages that keep their data on the device and show it when the app starts without network, while
 * nobody knows yet who is signed in (the card, as last loaded); the others ask for the sign-in.
 */
export const offlineServicePages: ReadonlySet<ServiceId> = new Set<ServiceId>(['healthCard', 'profile'])
