import { randomUUID } from 'node:crypto'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { Redis } from 'ioredis'
import pino from 'pino'
import type { Config } from './config'
import type { DatabaseHandle } from './db/client'
import { registerErrorHandling } from './http/error-handler'
import { registerHealth } from './http/health'
import { registerWebApps } from './http/web-apps'
import { registerDirectoryRoutes } from './modules/directory/routes'
import { loggerOptions } from './platform/logger'
import { createMetrics, registerMetrics } from './platform/metrics'
import type { Secrets } from './platform/secrets'

/** What every module's routes and services receive: adapters built once in the composition root. */
export type Deps = {
  config: Config
  database: DatabaseHandle
  secrets: Secrets
  clock: () => Date
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps
  }
}

export const apiPrefix = '/api/v1'

export type AppState = { shuttingDown: boolean }

/** Builds the HTTP application: plugins from the outside in (security → docs → web apps → errors → API). */
export async function buildApp(
  deps: Deps,
  options: { state?: AppState; logStream?: { write: (line: string) => void } } = {},
): Promise<FastifyInstance> {
  const { config } = deps
  const state = options.state ?? { shuttingDown: false }
  const logger = options.logStream
    ? pino(loggerOptions(config), options.logStream)
    : pino(loggerOptions(config))
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    return503OnClosing: true,
  })
  app.decorate('deps', deps)
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
      },
    },
  })
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (request) => /^\/(healthz|readyz|metrics)$/.test(request.url),
    ...(config.redisUrl
      ? { redis: new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 }) }
      : {}),
    errorResponseBuilder: (_request, context) => ({
      statusCode: context.statusCode,
      message: 'rate limited',
    }),
  })
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'An Sinh API',
        version: '1.0.0',
        description:
          'API of the An Sinh social-insurance platform. Errors are always `{ error: { code, message, fields? } }`; ' +
          'messages are Vietnamese unless `Accept-Language: en`.',
      },
      tags: [
        { name: 'operations', description: 'Health and readiness' },
        { name: 'directory', description: 'Administrative units and BHXH offices' },
      ],
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })

  const metrics = createMetrics()
  registerMetrics(app, metrics)
  const spaFallback = await registerWebApps(app)
  // Before any route plugin: encapsulated contexts take the error handler in force when they register.
  registerErrorHandling(app, {
    notFoundFallback: spaFallback,
    notFoundPreHandler: app.rateLimit(),
    onError: (code) => metrics.errors.labels(code).inc(),
  })
  registerHealth(app, { database: () => deps.database.ping(), shuttingDown: () => state.shuttingDown })
  await app.register(async (api) => registerDirectoryRoutes(api), { prefix: apiPrefix })
  return app
}
