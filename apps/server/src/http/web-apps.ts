import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))

/** Where `npm run build` puts the two web apps; the server serves them as they are. */
export const webApps = [
  { prefix: '/staff/', dist: `${repoRoot}apps/staff/dist` },
  { prefix: '/', dist: `${repoRoot}apps/citizen/dist` },
] as const

const apiLike = /^\/(api|docs|metrics|healthz|readyz)(\/|$)/

/**
 * Serves the built citizen app at `/` and the staff app at `/staff/`. Unknown paths inside an app
 * get its index.html (client-side routes), except API-like paths, which keep their JSON 404.
 */
export async function registerWebApps(app: FastifyInstance) {
  const present = webApps.filter((webApp) => existsSync(`${webApp.dist}/index.html`))
  for (const [index, webApp] of present.entries()) {
    await app.register(fastifyStatic, {
      root: webApp.dist,
      prefix: webApp.prefix,
      decorateReply: index === 0,
      wildcard: false,
      cacheControl: false, // our own headers below: immutable assets, revalidated shell
      index: ['index.html'],
      setHeaders: (response, path) => {
        // Hashed assets never change; the shell, manifest and service worker must be revalidated.
        const immutable = /\/assets\//.test(path)
        response.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
  }
  app.get('/staff', (_request, reply) => reply.redirect('/staff/', 301))
  return function spaFallback(request: FastifyRequest, reply: FastifyReply): boolean {
    const path = request.url.split('?')[0] ?? '/'
    if ((request.method !== 'GET' && request.method !== 'HEAD') || apiLike.test(path)) return false
    // A missing file (an old hashed asset after a deploy) must be a 404, never the HTML shell.
    if (/\.[a-z0-9]+$/i.test(path)) return false
    const target = present.find((webApp) => path.startsWith(webApp.prefix))
    if (!target) return false
    void reply.header('cache-control', 'no-cache').sendFile('index.html', target.dist)
    return true
  }
}
