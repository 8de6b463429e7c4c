/**
 * Registers the service worker that keeps the app shell available offline. Production builds only:
 * in `vite dev` there is no `sw.js`, and a stale worker would fight the dev server.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      // Offline support is an enhancement; the app works without it.
      console.warn('Service worker registration failed', error)
    })
  })
}
