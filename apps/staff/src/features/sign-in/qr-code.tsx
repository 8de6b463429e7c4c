import QRCode from 'qrcode'
import { useMemo } from 'react'

/** The otpauth URI as an SVG QR code, drawn from the module matrix (no data: URL, no HTML injection). */
export function QrCode({ text, label, size = 192 }: { text: string; label: string; size?: number }) {
  const path = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
    const parts: string[] = []
    for (let row = 0; row < modules.size; row += 1) {
      for (let col = 0; col < modules.size; col += 1) {
        if (modules.get(row, col)) parts.push(`M${col + 4} ${row + 4}h1v1h-1z`)
      }
    }
    return { d: parts.join(''), box: modules.size + 8 }
  }, [text])
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${path.box} ${path.box}`}
      shapeRendering="crispEdges"
      className="staff-qr"
    >
      <rect width={path.box} height={path.box} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  )
}
