import type { ReactNode } from 'react'
import type { ServiceId } from './services'

// Line icons on a 24 px grid, drawn for this app; stroke colour comes from the tile.
const shapes: Record<ServiceId, ReactNode> = {
  profile: (
    <>
      <circle cx="12" cy="8" r="4" />
      <path d="M4.5 20c0-4 3.4-6.5 7.5-6.5s7.5 2.5 7.5 6.5" />
    </>
  ),
  healthCard: (
    <>
      <rect x="2.5" y="5" width="19" height="14" rx="2.5" />
      <path d="M8 9.5v5M5.5 12h5M14 10h4.5M14 14h3" />
    </>
  ),
  participation: (
    <>
      <path d="M4 20h16" />
      <path d="M6.5 16.5v-4M10.5 16.5v-8M14.5 16.5v-6M18.5 16.5V5" />
    </>
  ),
  benefits: (
    <>
      <rect x="3" y="6" width="18" height="13" rx="2.5" />
      <path d="M3 10h18M7 15h4" />
      <circle cx="16.5" cy="15" r="1.2" />
    </>
  ),
  medicalVisits: (
    <>
      <path d="M6 3.5h12.5V18H6.5A1.5 1.5 0 0 0 5 19.5v-14a2 2 0 0 1 1-2Z" />
      <path d="M5 19.5A1.5 1.5 0 0 0 6.5 21h12v-3M11.75 7.5v6M8.75 10.5h6" />
    </>
  ),
  publicServices: (
    <>
      <path d="M3 9.5 12 4l9 5.5M3.5 9.5h17" />
      <path d="M6 12v5.5M10 12v5.5M14 12v5.5M18 12v5.5M3 20.5h18" />
    </>
  ),
  lookup: (
    <>
      <circle cx="10.5" cy="10.5" r="6" />
      <path d="m15 15 5 5" />
    </>
  ),
  support: (
    <>
      <path d="M4.5 14v-2a7.5 7.5 0 0 1 15 0v2" />
      <rect x="3" y="13" width="4" height="6" rx="1.5" />
      <rect x="17" y="13" width="4" height="6" rx="1.5" />
      <path d="M19 19c0 1.5-1.5 2.5-4 2.5h-2" />
    </>
  ),
  news: (
    <>
      <path d="M4 5h12.5v13a2 2 0 0 0 2 2H6a2 2 0 0 1-2-2Z" />
      <path d="M16.5 9H20v9a2 2 0 0 1-3.5 1.3M7.5 9h5.5M7.5 12.5h5.5M7.5 16h3.5" />
    </>
  ),
}

export function ServiceIcon({ id }: { id: ServiceId }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="28"
      height="28"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {shapes[id]}
    </svg>
  )
}
