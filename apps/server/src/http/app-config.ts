import { PublicAppConfig } from '@ansinh/domain'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Config } from '../config'

/** What the apps may know of the deployment: nothing secret, the same for everyone. */
export function presentAppConfig(config: Config): PublicAppConfig {
  return {
    map: config.map ? { tileUrl: config.map.tileUrl, attribution: config.map.attribution } : null,
    eid: { enabled: config.eid !== null },
  }
}

/** `GET /app-config` (under the API prefix): public, cached for five minutes by browsers and proxies. */
export function registerAppConfigRoutes(app: FastifyInstance) {
  const answer = presentAppConfig(app.deps.config)
  app.withTypeProvider<ZodTypeProvider>().get(
    '/app-config',
    {
      schema: {
        tags: ['configuration'],
        summary:
          'Public settings the apps read at start: the base map of the look-ups, whether e-ID sign-in is offered',
        response: { 200: PublicAppConfig },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300')
      return answer
    },
  )
}
