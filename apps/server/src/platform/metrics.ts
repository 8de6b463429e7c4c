import type { FastifyInstance } from 'fastify'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

export type Metrics = ReturnType<typeof createMetrics>

/** One registry per process; labels use route patterns, never concrete URLs (no personal data, bounded cardinality). */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'ansinh_' })
  const httpDuration = new Histogram({
    name: 'ansinh_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status class',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  const errors = new Counter({
    name: 'ansinh_http_errors_total',
    help: 'Error answers by code',
    labelNames: ['code'] as const,
    registers: [registry],
  })
  return {
    registry,
    httpDuration,
    errors,
    ...createJobMetrics(registry),
    sms: createSmsProviderMetrics(registry),
  }
}

/** The outbox and the job runner. Labels are bounded: channel, template kind, provider name, outcome. */
function createJobMetrics(registry: Registry) {
  const messages = new Counter({
    name: 'ansinh_messages_total',
    help: 'Messages by channel, template kind, provider and outcome (queued, sent, delivered, retry, rejected, dead_letter, expired, undelivered)',
    labelNames: ['channel', 'kind', 'provider', 'outcome'] as const,
    registers: [registry],
  })
  const outboxQueued = new Gauge({
    name: 'ansinh_outbox_queued',
    help: 'Messages waiting in the outbox (status queued), by channel; sampled by the dispatcher',
    labelNames: ['channel'] as const,
    registers: [registry],
  })
  const messageLatency = new Histogram({
    name: 'ansinh_message_send_latency_seconds',
    help: 'Time from a message being queued to the gateway accepting it, by channel and kind',
    labelNames: ['channel', 'kind'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800],
    registers: [registry],
  })
  const dispatchBatchDuration = new Histogram({
    name: 'ansinh_outbox_batch_duration_seconds',
    help: 'Duration of one dispatcher batch: claim, send, record outcomes',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  })
  const jobRuns = new Counter({
    name: 'ansinh_jobs_total',
    help: 'Background jobs run, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    registers: [registry],
  })
  const jobDuration = new Histogram({
    name: 'ansinh_job_duration_seconds',
    help: 'Duration of background jobs by queue',
    labelNames: ['queue'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [registry],
  })
  return { messages, outboxQueued, messageLatency, dispatchBatchDuration, jobRuns, jobDuration }
}

export type SmsProviderMetrics = ReturnType<typeof createSmsProviderMetrics>

/**
 * SMS gateways (router, health, delivery receipts). `provider` is a configured name (bounded); per
 * message outcomes, delivered and undelivered included, are in `ansinh_messages_total`.
 */
function createSmsProviderMetrics(registry: Registry) {
  const attempts = new Counter({
    name: 'ansinh_sms_provider_attempts_total',
    help: 'Send attempts per SMS provider by answer: accepted (sent), retry (5xx, timeout, connection error), rejected',
    labelNames: ['provider', 'outcome'] as const,
    registers: [registry],
  })
  const demotions = new Counter({
    name: 'ansinh_sms_provider_demotions_total',
    help: 'Times a provider was demoted, by reason: errors (consecutive failures) or slow (late deliveries)',
    labelNames: ['provider', 'reason'] as const,
    registers: [registry],
  })
  const healthy = new Gauge({
    name: 'ansinh_sms_provider_healthy',
    help: '1 while the provider takes its share of traffic, 0 while it is demoted (as seen by this process)',
    labelNames: ['provider'] as const,
    registers: [registry],
  })
  const deliveryLatency = new Histogram({
    name: 'ansinh_sms_delivery_latency_seconds',
    help: 'Time from the gateway accepting an SMS to its delivery receipt, by provider',
    labelNames: ['provider'] as const,
    buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600],
    registers: [registry],
  })
  const receipts = new Counter({
    name: 'ansinh_sms_receipts_total',
    help: 'Delivery receipts by provider and effect: delivered, undelivered, duplicate (no change), unknown (no such message), ignored (intermediate status)',
    labelNames: ['provider', 'outcome'] as const,
    registers: [registry],
  })
  // Read from the database when scraped (the source caches it): every process shows the same figure,
  // so aggregate it with max or avg, never sum.
  let otpDeliverySource: (() => Promise<number | null>) | undefined
  const otpDeliveredWithin10s = new Gauge({
    name: 'ansinh_otp_sms_delivered_within_10s_ratio',
    help: 'Share of OTP SMS of the last hour delivered within 10 seconds of being requested (NaN: none sent)',
    registers: [registry],
    async collect() {
      if (!otpDeliverySource) return
      const value = await otpDeliverySource()
      this.set(value ?? Number.NaN)
    },
  })
  return {
    attempts,
    demotions,
    healthy,
    deliveryLatency,
    receipts,
    otpDeliveredWithin10s,
    /** Plugged in by the app once the database is open (see `otpDeliveryShareSource`). */
    useOtpDeliverySource(source: () => Promise<number | null>) {
      otpDeliverySource = source
    },
  }
}

export function registerMetrics(app: FastifyInstance, metrics: Metrics) {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched'
    metrics.httpDuration
      .labels(request.method, route, `${Math.floor(reply.statusCode / 100)}xx`)
      .observe(reply.elapsedTime / 1000)
  })
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(metrics.registry.contentType)
    return metrics.registry.metrics()
  })
}
