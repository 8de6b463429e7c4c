import type { FastifyInstance } from 'fastify'
import { z } from 'zod'

const HealthStatus = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.record(z.string(), z.string()).optional(),
})

/**
 * `/healthz` answers while the process runs (liveness); `/readyz` only while the database answers and
 * the process is not shutting down (readiness: a load balancer stops sending traffic before we close).
 */
export function registerHealth(
  app: FastifyInstance,
  probes: { database: () => Promise<void>; shuttingDown: () => boolean },
) {
  app.get(
    '/healthz',
    { schema: { tags: ['operations'], summary: 'Liveness', response: { 200: HealthStatus } } },
    async () => ({ status: 'ok' as const }),
  )
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: database reachable',
        response: { 200: HealthStatus, 503: HealthStatus },
      },
    },
    async (_request, reply) => {
      if (probes.shuttingDown())
        return reply.code(503).send({ status: 'unavailable', checks: { process: 'shutting down' } })
      try {
        await withTimeout(probes.database(), 2000)
        return { status: 'ok' as const, checks: { database: 'ok' } }
      } catch {
        return reply.code(503).send({ status: 'unavailable', checks: { database: 'unreachable' } })
      }
    },
  )
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
