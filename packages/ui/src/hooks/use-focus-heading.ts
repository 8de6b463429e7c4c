import { useEffect, useRef } from 'react'

/**
 * After a client-side navigation, moves focus to the page's `<h1>` inside `#<mainId>` so that screen
 * readers announce the new page and keyboard users start from its top. The first page is left alone:
 * a fresh page load already starts at the top of the document. A page still being fetched (a lazy
 * chunk) has no heading yet: focus goes to it when it arrives, unless the person has meanwhile put
 * the focus somewhere themselves.
 */
export function useFocusHeading(pageKey: string, mainId = 'main'): void {
  // Compare with the page we last handled, not "first run": StrictMode runs effects twice on mount.
  const handled = useRef(pageKey)
  useEffect(() => {
    if (handled.current === pageKey) return
    handled.current = pageKey
    window.scrollTo(0, 0)
    const main = document.getElementById(mainId)
    if (!main || focusHeading(main)) return
    const observer = new MutationObserver(() => {
      const focusIsFree = !document.activeElement || document.activeElement === document.body
      if (!focusIsFree || focusHeading(main)) observer.disconnect()
    })
    observer.observe(main, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [pageKey, mainId])
}

function focusHeading(main: HTMLElement): boolean {
  const heading = main.querySelector<HTMLElement>('h1')
  if (!heading) return false
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
  heading.focus({ preventScroll: true })
  return true
}
