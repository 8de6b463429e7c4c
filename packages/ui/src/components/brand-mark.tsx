import geometry from '../brand/brand-geometry.json'

/**
 * The An Sinh mark: a white shield holding a heart, on the brand blue. Decorative wherever it sits
 * next to the app name, hence hidden from assistive technology. The PNG app icons are drawn from the
 * same geometry file by `apps/citizen/scripts/make-icons.mjs`.
 */
export function BrandMark({ size = 32, className }: { size?: number; className?: string }) {
  const { viewBox, background, shield, heart } = geometry
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox={`0 0 ${viewBox} ${viewBox}`}
      aria-hidden="true"
      focusable="false"
    >
      <rect width={viewBox} height={viewBox} rx={background.radius} fill={background.color} />
      <path d={shield.d} fill={shield.color} />
      <path d={heart.d} fill={heart.color} />
    </svg>
  )
}
