import { useMemo } from 'react'
import { qrMatrix, qrPath } from './qr-matrix'

/**
 * The QR code as an SVG scaled to its box: black on white whatever the theme, square modules with
 * crisp edges, the quiet zone inside the white square.
 */
export function QrCode({
  payload,
  label,
  className,
}: {
  payload: string
  label: string
  className?: string
}) {
  const matrix = useMemo(() => qrMatrix(payload), [payload])
  const path = useMemo(() => qrPath(matrix), [matrix])
  return (
    <svg
      className={className}
      viewBox={`0 0 ${matrix.size} ${matrix.size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-modules={matrix.size}
    >
      <rect width={matrix.size} height={matrix.size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
