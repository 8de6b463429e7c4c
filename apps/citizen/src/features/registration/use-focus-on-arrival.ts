import { useEffect } from 'react'
import { useLocation } from 'react-router'

/**
 * This feature's code arrives after the navigation that opened it, so the layout's "focus the new
 * page's heading" found no heading yet. Once mounted, focus it if nothing else took the focus; a fresh
 * page load is left alone, as the layout does.
 */
export function useFocusHeadingOnArrival(): void {
  const { key } = useLocation()
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on arrival, not on each step
  useEffect(() => {
    if (key === 'default') return
    const frame = requestAnimationFrame(() => {
      if (document.activeElement && document.activeElement !== document.body) return
      const heading = document.querySelector<HTMLElement>('#main h1')
      if (!heading) return
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
      heading.focus({ preventScroll: true })
    })
    return () => cancelAnimationFrame(frame)
  }, [])
}
