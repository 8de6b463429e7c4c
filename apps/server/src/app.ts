import { randomUUID } from 'node:crypto'
import cookie from '@fastify/cookie'
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
import { registerAppConfigRoutes } from './http/app-config'
import { registerErrorHandling } from './http/error-handler'
import { registerHealth } from './http/health'
import { registerWebApps } from './http/web-apps'
import { registerAuditRoutes } from './modules/audit/routes'
import { registerCitizenAccountRoutes } from './modules/citizen-accounts/routes'
import { registerDirectoryRoutes } from './modules/directory/routes'
import { registerEidRoutes } from './modules/eid/routes'
import { registerFeedbackRoutes } from './modules/feedback/routes'
import { registerCitizenAuthRoutes } from './modules/identity/citizen-auth-routes'
import { registerCitizenGuard } from './modules/identity/citizen-guard'
import { registerStaffGuard } from './modules/identity/staff-guard'
import { registerStaffIdentityRoutes } from './modules/identity/staff-routes'
import { registerCardCheckRoutes } from './modules/integration/card-check-routes'
import { registerImportRoutes, registerPartnerImportRoutes } from './modules/integration/import-routes'
import { registerLookupRoutes } from './modules/lookup/routes'
import { registerNewsRoutes } from './modules/news/routes'
import { registerInboxRoutes } from './modules/notify/inbox-routes'
import { otpDeliveryShareSource } from './modules/notify/otp-delivery-stats'
import type { RecipientCounters } from './modules/notify/rate-limits'
import { registerReceiptRoutes } from './modules/notify/receipt-routes'
import { registerNotifyRoutes } from './modules/notify/routes'
import { registerReminderOptOutRoutes } from './modules/organisations/extra-routes'
import { registerOrganisationRoutes } from './modules/organisations/routes'
import { registerPublicServiceRoutes } from './modules/public-services/routes'
import { registerRegistrationRoutes } from './modules/registration/routes'
import { registerReviewRoutes } from './modules/review/routes'
import { registerSelfServiceRoutes } from './modules/self-service/routes'
import { registerSupportRoutes } from './modules/support/routes'
import type { EncryptedFileStore } from './platform/encrypted-files'
import { loggerOptions } from './platform/logger'
import { type Metrics, registerMetrics } from './platform/metrics'
import type { Secrets } from './platform/secrets'

/** What every module's routes and services receive: adapters built once in the composition root. */
export type Deps = {
  config: Config
  database: DatabaseHandle
  secrets: Secrets
  clock: () => Date
  metrics: Metrics
  /**
   * Wakes this process's outbox dispatcher: call it after committing a transaction that queued a
   * message (never inside it: the dispatcher cannot see uncommitted rows). A no-op where no dispatcher
   * runs (ROLE=serve); workers elsewhere find the message on their next poll.
   */
  kick: () => void
  /** Per-recipient send counters for `queueMessage`: in the database, or Redis with REDIS_URL. */
  recipientCounters: RecipientCounters
  /** Files at rest (ID photos, declarations), encrypted with FILE_ENCRYPTION_KEY. */
  files: EncryptedFileStore
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
  const app = createFastify(deps, logger)

  // Over plain HTTP (the demo on a LAN, a phone on the same Wi-Fi) the browser must not be told to
  // upgrade to HTTPS: every asset would fail. Behind an https PUBLIC_URL, upgrade and HSTS apply.
  const https = config.publicUrl?.startsWith('https:') ?? false
  await app.register(helmet, {
    hsts: https,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: https ? [] : null,
        defaultSrc: ["'self'"],
        // The base map's tiles, when MAP_TILE_URL names a tile server.
        imgSrc: ["'self'", 'data:', 'blob:', ...(config.map ? [config.map.imageSource] : [])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // The QR decoder (zxing-wasm) compiles WebAssembly; this allows that and no JavaScript eval.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
      },
    },
  })
  const redis = config.redisUrl ? connectRedis(config.redisUrl, app) : undefined
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    // The API is what can be guessed and scraped. Pages and assets are not limited: one page load is
    // a dozen requests, and many phones share one carrier-NAT address.
    allowList: (request) => !request.url.startsWith(`${apiPrefix}/`),
    // A Redis outage must not take the service down: requests pass unlimited and the log says so.
    skipOnError: true,
    ...(redis ? { redis } : {}),
    errorResponseBuilder: (_request, context) => ({
      statusCode: context.statusCode,
      message: 'rate limited',
    }),
  })
  await app.register(cookie)
  // On the root instance, before any route plugin: every module's staff routes use `app.requireStaff`,
  // its citizen routes `app.requireCitizen`.
  registerStaffGuard(app)
  registerCitizenGuard(app)
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
        { name: 'configuration', description: 'Public settings of the deployment the apps read (base map)' },
        { name: 'directory', description: 'Administrative units and BHXH offices' },
        {
          name: 'lookup',
          description:
            'Tra cứu trực tuyến: public look-ups (BHXH code, BHYT card validity) with a proof of work',
        },
        {
          name: 'registration',
          description: 'E-transaction account registration (tờ khai mẫu 01), dossier status',
        },
        { name: 'staff', description: 'Staff back-office: sign-in with a second factor, staff accounts' },
        { name: 'staff: dossiers', description: 'Review of registration dossiers within reach (audited)' },
        {
          name: 'staff: citizen accounts',
          description: 'Citizen accounts within reach: find, lock, unlock, reset password (audited)',
        },
        {
          name: 'citizen: my records',
          description:
            "The signed-in person's profile, e-BHYT card, participation, benefits, medical visits; their children's",
        },
        {
          name: 'citizen: public services',
          description:
            'Dịch vụ công: change of information, stop, child account (OTP where due), dossier status',
        },
        { name: 'citizen: inbox', description: 'Thông báo: the signed-in citizen’s in-app messages' },
        {
          name: 'support',
          description: 'Hỗ trợ: FAQ (câu hỏi thường gặp) and the chatbot (trợ lý ảo), public',
        },
        {
          name: 'feedback',
          description: 'Phản ánh kiến nghị: send feedback without an account, follow it by its tracking code',
        },
        {
          name: 'staff: feedback',
          description: 'Feedback routed to offices within reach: read and answer (audited)',
        },
        {
          name: 'news',
          description: 'Tin tức: published articles, their images and the RSS feed, public',
        },
        {
          name: 'staff: news',
          description: 'News editors write, preview, publish and withdraw articles (audited)',
        },
        {
          name: 'integration',
          description:
            'For partners, with their own API key (`Authorization: Bearer ansk_…`): medical facilities check BHYT ' +
            'cards and send claim files (XML 130); employers send their monthly declaration lists (D02-LT, CSV or ' +
            'XLSX); each follows its own imports',
        },
        {
          name: 'staff: integration',
          description:
            'System administrators issue, list and revoke the partners’ API keys (medical facilities, employers; audited); administrators upload files to import',
        },
        {
          name: 'staff: organisations',
          description:
            'Tổ chức: schools, agencies and companies under an office, their members imported from CSV/XLSX and the ' +
            'adoption report (registered, account active, signed in) rolled up the tree; organisation administrators ' +
            'within their subtree, office and system administrators within their offices (audited)',
        },
        {
          name: 'reminders',
          description:
            "The public page behind the opt-out link of an organisation's reminder (no sign-in: the signed link is the permission)",
        },
        { name: 'development', description: 'Dev outbox and template previews (never in production)' },
      ],
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })

  const metrics = deps.metrics
  registerMetrics(app, metrics)
  metrics.sms.useOtpDeliverySource(
    otpDeliveryShareSource(deps.database.db, deps.clock, {
      onError: (error) => app.log.warn({ err: error }, 'could not read OTP delivery figures'),
    }),
  )
  const spaFallback = await registerWebApps(app)
  // Before any route plugin: encapsulated contexts take the error handler in force when they register.
  registerErrorHandling(app, {
    notFoundFallback: spaFallback,
    notFoundPreHandler: app.rateLimit(),
    onError: (code) => metrics.errors.labels(code).inc(),
  })
  registerHealth(app, { database: () => deps.database.ping(), shuttingDown: () => state.shuttingDown })
  await app.register(async (api) => registerAppConfigRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerDirectoryRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerReceiptRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerNotifyRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerRegistrationRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerReviewRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerAuditRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerCitizenAccountRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerStaffIdentityRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerCitizenAuthRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerEidRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerPublicServiceRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerInboxRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerSelfServiceRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerSupportRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerFeedbackRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerLookupRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerNewsRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerReminderOptOutRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerImportRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerPartnerImportRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerCardCheckRoutes(api), { prefix: apiPrefix })
  await app.register(async (api) => registerOrganisationRoutes(api), {
    prefix: `${apiPrefix}/staff/organisations`,
  })
  return app
}

/** What the full app and the probe app share: logger, limits, request ids, zod schemas. */
function createFastify(deps: Deps, logger: pino.Logger): FastifyInstance {
  const { config } = deps
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    // Trust exactly the configured number of proxy hops (proxy-addr calls this per hop, nearest first).
    trustProxy:
      config.trustProxy === false
        ? false
        : (_address: string, hop: number) => hop < Number(config.trustProxy),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    return503OnClosing: true,
  })
  app.decorate('deps', deps)
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  return app
}

function connectRedis(url: string, app: FastifyInstance): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
  redis.on('error', (error) => app.log.warn({ err: error }, 'redis unavailable; rate limits not applied'))
  app.addHook('onClose', async () => {
    redis.disconnect()
  })
  return redis
}

/**
 * What a worker-only process (ROLE=worker) serves: the orchestrator's probes and the metrics, nothing
 * public.
 */
export async function buildProbeApp(
  deps: Deps,
  options: { state?: AppState } = {},
): Promise<FastifyInstance> {
  const state = options.state ?? { shuttingDown: false }
  const app = createFastify(deps, pino(loggerOptions(deps.config)))
  registerMetrics(app, deps.metrics)
  registerHealth(app, { database: () => deps.database.ping(), shuttingDown: () => state.shuttingDown })
  return app
}
