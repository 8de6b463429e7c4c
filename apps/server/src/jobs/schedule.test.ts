import pino from 'pino'
import { describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/client'
import { declareJobs, type RegistrationJobDeps } from './schedule'

describe('declareJobs', () => {
  const base = { database: {} as DatabaseHandle, log: pino({ level: 'silent' }) }
  const registrationJobs = [
    'registration-purge-abandoned',
    'registration-expire-dossiers',
    'registration-remind-papers',
    'organisations-record-adoption',
  ]

  it('declares the registration jobs when their dependencies are given, each with a schedule', () => {
    const jobs = declareJobs({ ...base, registration: {} as RegistrationJobDeps })
    for (const name of registrationJobs)
      expect(jobs.find((job) => job.name === name)?.cron).toMatch(/^\S+( \S+){4}$/)
    expect(new Set(jobs.map((job) => job.name)).size).toBe(jobs.length)
  })

  it('keeps one-time codes readable while the development outbox is on', () => {
    const names = (devOutbox: boolean) => declareJobs({ ...base, devOutbox }).map((job) => job.name)
    expect(names(false)).toContain('notify-prune-secret-bodies')
    expect(names(true)).not.toContain('notify-prune-secret-bodies')
    expect(names(true)).toContain('notify-prune-sent-bodies')
  })

  it('always declares the cleanup of old staff sessions and of expired citizen sign-in steps', () => {
    expect(declareJobs(base).map((job) => job.name)).toContain('staff-prune-sessions')
    expect(declareJobs(base).map((job) => job.name)).toContain('citizen-prune-auth-requests')
  })

  it('leaves them out without those dependencies', () => {
    const names = declareJobs(base).map((job) => job.name)
    for (const name of registrationJobs) expect(names).not.toContain(name)
  })
})
