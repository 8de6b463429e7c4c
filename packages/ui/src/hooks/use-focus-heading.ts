import { useEffect, useRef } from 'react'

/**
 * After a client-side navigation, moves focus to the page's `<h1>` inside `#<mainId>` so that screen
 * readers announce the new page and keyboard users start from its top. The first page is left alone:
 * a fresh page load already starts at the top of the document.
 */
export function useFocusHeading(pageKey: string, mainId = 'main'): void {
  // Compare with the page we last handled, not "first run": StrictMode runs effects twice on mount.
  const handled = useRef(pageKey)
  useEffect(() => {
    if (handled.current === pageKey) return
    handled.current = pageKey
    window.scrollTo(0, 0)
    const heading = document.querySelector<HTMLElement>(`#${mainId} h1`)
    if (!heading) return
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
    heading.focus({ preventScroll: true })
  }, [pageKey, mainId])
}
