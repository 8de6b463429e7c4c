import type { BaseLogger } from 'pino'
import type { Deps } from '../app'
import type { DatabaseHandle } from '../db/client'
import { deleteExpiredEidFlows } from '../modules/eid/repo'
import { deleteExpiredPasskeyChallenges } from '../modules/identity/citizen-passkey-repo'
import { deleteStaleAuthRequests } from '../modules/identity/citizen-repo'
import { pruneStaffSessions } from '../modules/identity/staff-sessions'
import { runPendingImports } from '../modules/integration/import-runner'
import { importFormats } from '../modules/integration/imports'
import { pruneCounters } from '../modules/notify/counters-repo'
import {
  defaultSendingTimeoutMs,
  pruneOldMessageBodies,
  pruneRecentSecretBodies,
  sentBodyRetentionDays,
  sweepStuckMessages,
} from '../modules/notify/dispatcher'
import { DAY_MS, HOUR_MS } from '../modules/notify/rate-limits'
import { recordAdoptionHistory } from '../modules/organisations/adoption-report'
import {
  expireOverdueDossiers,
  purgeAbandonedRegistrations,
  remindPaperDossiers,
} from '../modules/registration/expiry'
import type { JobDefinition } from '../platform/jobs'
import type { Metrics } from '../platform/metrics'

/**
 * Every queue and scheduled job of the platform, in one place. Cron expressions are read in
 * Asia/Ho_Chi_Minh unless a job says otherwise; pg-boss fires each schedule once per tick across all
 * worker processes. Handlers must be idempotent: a job can run twice (a worker killed mid-job).
 */
export type JobDeps = {
  database: DatabaseHandle
  log: BaseLogger
  /** Dead letters produced by the sweeper are counted here. */
  metrics?: Metrics
  /** Overrides for tests. */
  sendingTimeoutMs?: number
  /**
   * The development outbox is on (never in production): one-time codes stay readable there, so the
   * frequent blanking of secret texts is not declared (the daily retention job still runs).
   */
  devOutbox?: boolean
  /** What the registration and import jobs need; without it (tests of other jobs) they are not declared. */
  registration?: RegistrationJobDeps
}

export type RegistrationJobDeps = Pick<
  Deps,
  'database' | 'clock' | 'config' | 'files' | 'recipientCounters' | 'kick'
>

export function declareJobs(deps: JobDeps): JobDefinition[] {
  return [
    {
      // Messages whose dispatcher died between claiming and recording go back to the queue.
      name: 'notify-sweep-sending',
      cron: '* * * * *',
      expireInSeconds: 60,
      run: async () => {
        await sweepStuckMessages(deps, deps.sendingTimeoutMs ?? defaultSendingTimeoutMs)
      },
    },
    {
      // Per-recipient counters older than the longest window (one hour) count nothing any more.
      name: 'notify-prune-counters',
      cron: '5 * * * *',
      expireInSeconds: 5 * 60,
      run: async () => {
        // A window is useless once it has ended; the longest is a day (the look-ups' daily cap per
        // address), so rows are kept for a day and two hours after their window began.
        await pruneCounters(deps.database.db, new Date(Date.now() - DAY_MS - 2 * HOUR_MS))
      },
    },
    ...(deps.devOutbox
      ? []
      : [
          {
            // OTPs and temporary passwords have no business staying in the database once sent or expired.
            name: 'notify-prune-secret-bodies',
            cron: '*/5 * * * *',
            expireInSeconds: 5 * 60,
            run: async () => {
              await pruneRecentSecretBodies(deps)
            },
          },
        ]),
    {
      // Every other text after the retention period (and any secret the frequent job missed).
      name: 'notify-prune-sent-bodies',
      cron: '17 3 * * *',
      expireInSeconds: 60 * 60,
      run: async () => {
        await pruneOldMessageBodies(deps, sentBodyRetentionDays)
      },
    },
    {
      // Staff sessions ended or expired more than 30 days ago; the audit log keeps the sign-in history.
      name: 'staff-prune-sessions',
      cron: '41 3 * * *',
      expireInSeconds: 30 * 60,
      run: async () => {
        const deleted = await pruneStaffSessions(deps.database.db, new Date())
        if (deleted > 0) deps.log.info({ deleted }, 'old staff sessions deleted')
      },
    },
    {
      // Citizen steps whose OTP never came back (new password hashes included), passkey challenges
      // never answered and e-ID sign-ins never back from the provider: gone once past their time.
      name: 'citizen-prune-auth-requests',
      cron: '*/10 * * * *',
      expireInSeconds: 10 * 60,
      run: async () => {
        const now = new Date()
        const deleted = await deleteStaleAuthRequests(deps.database.db, { before: now })
        if (deleted > 0) deps.log.info({ deleted }, 'expired citizen sign-in requests deleted')
        const challenges = await deleteExpiredPasskeyChallenges(deps.database.db, now)
        if (challenges > 0) deps.log.info({ deleted: challenges }, 'expired passkey challenges deleted')
        const flows = await deleteExpiredEidFlows(deps.database.db, now)
        if (flows > 0) deps.log.info({ deleted: flows }, 'abandoned e-ID sign-ins deleted')
      },
    },
    ...(deps.registration ? registrationJobs(deps.registration, deps.log) : []),
    ...(deps.registration ? integrationJobs(deps.registration, deps.log) : []),
    ...(deps.registration ? organisationJobs(deps.registration, deps.log) : []),
  ]
}

function registrationJobs(deps: RegistrationJobDeps, log: BaseLogger): JobDefinition[] {
  return [
    {
      // Requests whose OTP never came back: deleted with their photos (nothing half-submitted stays).
      name: 'registration-purge-abandoned',
      cron: '*/10 * * * *',
      expireInSeconds: 10 * 60,
      run: async () => {
        log.info(await purgeAbandonedRegistrations({ ...deps, log }), 'abandoned registrations purged')
      },
    },
    {
      // Hourly, so a dossier expires within the hour after its last day ends, whatever the deploy time.
      name: 'registration-expire-dossiers',
      cron: '3 * * * *',
      expireInSeconds: 30 * 60,
      run: async () => {
        log.info(
          { expired: await expireOverdueDossiers({ ...deps, log }) },
          'overdue registration dossiers expired',
        )
      },
    },
    {
      // Two days before the deadline, in the morning: time to bring the papers before it expires.
      name: 'registration-remind-papers',
      cron: '0 8 * * *',
      expireInSeconds: 30 * 60,
      run: async () => {
        log.info({ reminded: await remindPaperDossiers({ ...deps, log }) }, 'paper reminders queued')
      },
    },
  ]
}

function integrationJobs(deps: RegistrationJobDeps, log: BaseLogger): JobDefinition[] {
  return [
    {
      // Files to import that no serving process took up (ROLE=serve), or whose worker died mid-file.
      name: 'integration-run-imports',
      cron: '* * * * *',
      expireInSeconds: 2 * 60 * 60,
      run: async () => {
        const ran = await runPendingImports({ ...deps, log }, importFormats)
        if (ran > 0) log.info({ ran }, 'imports read')
      },
    },
  ]
}

function organisationJobs(deps: RegistrationJobDeps, log: BaseLogger): JobDefinition[] {
  return [
    {
      // Late in the evening: the day's point of every organisation's progress chart (reading a report
      // also records it, so this only fills the days nobody looked).
      name: 'organisations-record-adoption',
      cron: '50 23 * * *',
      expireInSeconds: 30 * 60,
      run: async () => {
        log.info({ rows: await recordAdoptionHistory(deps) }, 'organisation adoption history recorded')
      },
    },
  ]
}
