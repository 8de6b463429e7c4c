/**
 * The nine functions of the home screen, in the order of the VssID app. Each later issue replaces the
 * placeholder behind its path with the real feature; the id names its strings (`services.<id>.*`)
 * and its icon; `account` marks those that show the person's own data, behind the sign-in.
 */
export const services = [
  { id: 'profile', path: '/profile', account: true },
  { id: 'healthCard', path: '/health-card', account: true },
  { id: 'participation', path: '/participation', account: true },
  { id: 'benefits', path: '/benefits', account: true },
  { id: 'medicalVisits', path: '/medical-visits', account: true },
  { id: 'publicServices', path: '/public-services', account: true },
  { id: 'lookup', path: '/lookup', account: false },
  { id: 'support', path: '/support', account: false },
  { id: 'news', path: '/news', account: false },
] as const

export type Service = (typeof services)[number]
export type ServiceId = Service['id']
