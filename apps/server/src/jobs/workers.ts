import type { BaseLogger, Logger } from 'pino'
import type { DatabaseHandle } from '../db/client'
import type { Channels } from '../modules/notify/channels'
import {
  checkSendingTimeout,
  type DispatcherOptions,
  defaultDispatcherOptions,
  defaultSendingTimeoutMs,
  startDispatcher,
  sweepStuckMessages,
} from '../modules/notify/dispatcher'
import { type JobRunnerOptions, startJobRunner } from '../platform/jobs'
import type { Metrics } from '../platform/metrics'
import { declareJobs, type RegistrationJobDeps } from './schedule'

export type Workers = {
  /** Wakes the outbox dispatcher (see `Deps.kick`). */
  kick(): void
  /** Stops taking work, finishes what is in flight; the database stays open for the caller to close. */
  stop(): Promise<void>
}

export type WorkerDeps = {
  database: DatabaseHandle
  channels: Channels
  log: Logger
  metrics?: Metrics
  registration?: RegistrationJobDeps
  /** See `JobDeps.devOutbox`. */
  devOutbox?: boolean
}

export type WorkerOptions = {
  dispatcher?: Partial<DispatcherOptions>
  jobRunner?: Partial<Omit<JobRunnerOptions, 'log' | 'metrics'>>
  /** See `defaultSendingTimeoutMs`; the sweeper and the dispatcher's start-up check both use it. */
  sendingTimeoutMs?: number
}

/**
 * The background side of the platform (ROLE=all or worker): sweeps what a previous process left in
 * `sending`, starts the job runner with the declared schedules, then the outbox dispatcher loop.
 */
export async function startWorkers(deps: WorkerDeps, options: WorkerOptions = {}): Promise<Workers> {
  const sendingTimeoutMs = options.sendingTimeoutMs ?? defaultSendingTimeoutMs
  const log: BaseLogger = deps.log.child({ component: 'workers' })
  const metrics = deps.metrics ? { metrics: deps.metrics } : {}
  const dispatcherOptions = { ...options.dispatcher, sendingTimeoutMs }
  // Refuses a sending timeout too short for the transports before anything starts.
  checkSendingTimeout(deps.channels, { ...defaultDispatcherOptions, ...dispatcherOptions })
  await sweepStuckMessages({ database: deps.database, log, ...metrics }, sendingTimeoutMs)
  const jobs = await startJobRunner(
    deps.database,
    declareJobs({
      database: deps.database,
      log,
      sendingTimeoutMs,
      ...metrics,
      ...(deps.registration ? { registration: deps.registration } : {}),
      devOutbox: deps.devOutbox ?? false,
    }),
    {
      ...options.jobRunner,
      log: deps.log.child({ component: 'jobs' }),
      ...metrics,
    },
  )
  const dispatcher = startDispatcher(
    {
      database: deps.database,
      channels: deps.channels,
      log,
      ...metrics,
    },
    dispatcherOptions,
  )
  return {
    kick: dispatcher.kick,
    stop: async () => {
      await dispatcher.stop()
      await jobs.stop()
    },
  }
}
