import type { ReactNode } from 'react'

type LineIconProps = {
  children: ReactNode
  className?: string
  viewBox?: string
  strokeWidth?: number
}

/**
 * The frame of the app's line icons. They take the text colour of the control they sit in, and are
 * hidden from assistive technology: the control's own text is its accessible name.
 */
export function LineIcon({ children, className, viewBox = '0 0 24 24', strokeWidth = 2 }: LineIconProps) {
  return (
    <svg
      className={className}
      viewBox={viewBox}
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}

export function ChevronLeftIcon() {
  return (
    <LineIcon>
      <path d="M15 5l-7 7 7 7" />
    </LineIcon>
  )
}

export function ChevronRightIcon() {
  return (
    <LineIcon>
      <path d="M9 5l7 7-7 7" />
    </LineIcon>
  )
}

export function CameraIcon() {
  return (
    <LineIcon>
      <path d="M3 8.5A2 2 0 0 1 5 6.5h2.5L9 4.5h6l1.5 2H19a2 2 0 0 1 2 2V18a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2Z" />
      <circle cx="12" cy="13" r="3.5" />
    </LineIcon>
  )
}

export function PictureIcon() {
  return (
    <LineIcon>
      <rect x="3" y="4.5" width="18" height="15" rx="2.5" />
      <circle cx="9" cy="10" r="1.8" />
      <path d="M21 16l-5-5-9 8.5" />
    </LineIcon>
  )
}

export function FolderIcon() {
  return (
    <LineIcon>
      <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2Z" />
    </LineIcon>
  )
}

/** A page with lines of text: a file the browser cannot preview. */
export function FileIcon() {
  return (
    <LineIcon strokeWidth={1.8}>
      <path d="M6 3h8l4 4v14H6Z" />
      <path d="M14 3v4h4M9 13h6M9 16.5h6" />
    </LineIcon>
  )
}

/** A page with a downward arrow: a document to download. */
export function DocumentDownloadIcon() {
  return (
    <LineIcon>
      <path d="M6 3h8l4 4v14H6Z" />
      <path d="M14 3v4h4M12 10v7M9 14l3 3 3-3" />
    </LineIcon>
  )
}

export function PhoneIcon() {
  return (
    <LineIcon strokeWidth={1.8}>
      <path d="M5 4h3.5l1.8 4.5-2.3 1.4a11 11 0 0 0 6.1 6.1l1.4-2.3L20 15.5V19a1.5 1.5 0 0 1-1.6 1.5A16.5 16.5 0 0 1 3.5 5.6 1.5 1.5 0 0 1 5 4Z" />
    </LineIcon>
  )
}

export function QrIcon({ className }: { className?: string }) {
  return (
    <LineIcon className={className} strokeWidth={1.8}>
      <rect x="3.5" y="3.5" width="6" height="6" rx="1" />
      <rect x="14.5" y="3.5" width="6" height="6" rx="1" />
      <rect x="3.5" y="14.5" width="6" height="6" rx="1" />
      <path d="M14.5 14.5h2.5v2.5M20.5 14.5v.01M14.5 20.5h.01M17.5 20.5h3v-3" />
    </LineIcon>
  )
}
