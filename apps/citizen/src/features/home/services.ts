/**
 * The nine functions of the home screen, in the order of the VssID app. Each later issue replaces the
 * placeholder behind its path with the real feature; the id names its strings (`services.<id>.*`)
 * and its icon.
 */
export const services = [
  { id: 'profile', path: '/profile' },
  { id: 'healthCard', path: '/health-card' },
  { id: 'participation', path: '/participation' },
  { id: 'benefits', path: '/benefits' },
  { id: 'medicalVisits', path: '/medical-visits' },
  { id: 'publicServices', path: '/public-services' },
  { id: 'lookup', path: '/lookup' },
  { id: 'support', path: '/support' },
  { id: 'news', path: '/news' },
] as const

export type Service = (typeof services)[number]
export type ServiceId = Service['id']
