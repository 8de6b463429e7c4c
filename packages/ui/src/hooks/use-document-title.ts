import { useEffect } from 'react'

/** Sets `document.title` to "<page> · <app>" (or just the app name) while the page is shown. */
export function useDocumentTitle(appName: string, pageTitle?: string): void {
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${appName}` : appName
  }, [appName, pageTitle])
}
