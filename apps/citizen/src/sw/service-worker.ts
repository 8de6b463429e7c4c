/**
 * Service worker of the citizen app: keeps the built shell (HTML, scripts, styles, icons, manifest) in
 * the Cache Storage so that the app opens without a network. Data never goes through here: API and
 * operator paths, and the staff app, are left to the network untouched.
 *
 * Built by `vite/service-worker-plugin.ts`, which replaces `self.__ANSINH_PRECACHE__` with the list of
 * files of the build and a version derived from their contents.
 */

// A module, so that `self` below is ours and not the DOM's global declaration.
export {}

type PrecacheManifest = {
  /** Changes whenever any precached file changes; names the cache. */
  version: string
  /** Absolute paths of every file of the built shell. */
  urls: string[]
  /** The SPA's HTML, answered to navigations when the network is unreachable. */
  navigationFallback: string
}

declare const self: ServiceWorkerGlobalScope & { __ANSINH_PRECACHE__: PrecacheManifest }

const manifest = self.__ANSINH_PRECACHE__
const cachePrefix = 'ansinh-shell-'
const cacheName = `${cachePrefix}${manifest.version}`
const precached = new Set(manifest.urls)
/** How long a navigation waits for the network before the cached shell is shown instead. */
const navigationTimeoutMs = 5000

// Server-owned paths (API, docs, metrics, probes) and the staff app, which has its own shell.
const bypassedRoots = ['/api', '/docs', '/metrics', '/healthz', '/readyz', '/staff']

function isBypassed(pathname: string): boolean {
  return bypassedRoots.some((root) => pathname === root || pathname.startsWith(`${root}/`))
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName)
      // `reload` skips the HTTP cache so that the shell is stored exactly as this build made it.
      await cache.addAll(manifest.urls.map((url) => new Request(url, { cache: 'reload' })))
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys()
      await Promise.all(
        names
          .filter((name) => name.startsWith(cachePrefix) && name !== cacheName)
          .map((name) => caches.delete(name)),
      )
      // Control the page that installed us, so that it works offline from its first visit.
      await self.clients.claim()
    })(),
  )
})

// A waiting new version takes over only when the page asks (e.g. after the user accepts a reload),
// so that an open page never runs against files of another build.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') void self.skipWaiting()
})

self.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin || isBypassed(url.pathname)) return
  if (request.mode === 'navigate') {
    event.respondWith(networkFirstNavigation(request))
    return
  }
  if (precached.has(url.pathname)) event.respondWith(cacheFirst(request, url.pathname))
})

/** Fresh HTML when online (so a new release shows at once); the cached shell when not. */
async function networkFirstNavigation(request: Request): Promise<Response> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), navigationTimeoutMs)
  try {
    return await fetch(request, { signal: controller.signal })
  } catch (error) {
    const cached = await caches.match(manifest.navigationFallback, { cacheName })
    if (cached) return cached
    throw error
  } finally {
    clearTimeout(timer)
  }
}

/** Hashed assets never change under a name; the other shell files change with the cache version. */
async function cacheFirst(request: Request, pathname: string): Promise<Response> {
  const cached = await caches.match(pathname, { cacheName })
  return cached ?? fetch(request)
}
