import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { ensureStaffAccount } from '../../../test/staff'
import { auditLog, staffSessions } from '../../db/schema'
import { pruneStaffSessions } from './staff-sessions'

const DAY = 24 * 60 * 60_000

describe.each(testBackends())('deleting old staff sessions on %s', (backend) => {
  let test: TestApp
  const now = new Date('2026-12-01T02:00:00Z')
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY)

  beforeAll(async () => {
    test = await createTestApp({ backend, clock: () => now })
  })
  afterAll(async () => test?.close())

  it('deletes only sessions ended or expired more than 30 days ago, in batches', async () => {
    const { id: staffId } = await ensureStaffAccount(test.app, 'q5.reviewer')
    const session = (name: string, times: { createdAt: Date; expiresAt: Date; endedAt?: Date }) => ({
      tokenHash: name,
      staffId,
      stage: 'active' as const,
      createdAt: times.createdAt,
      lastSeenAt: times.createdAt,
      expiresAt: times.expiresAt,
      endedAt: times.endedAt ?? null,
    })
    await test.database.db.insert(staffSessions).values([
      // Gone: stopped more than 30 days ago.
      session('signed out 31 days ago', {
        createdAt: daysAgo(31.5),
        expiresAt: daysAgo(31),
        endedAt: daysAgo(31.4),
      }),
      session('expired 31 days ago, never seen again', { createdAt: daysAgo(31.5), expiresAt: daysAgo(31) }),
      session('expired 40 days ago, found ended 10 days ago', {
        createdAt: daysAgo(40.5),
        expiresAt: daysAgo(40),
        endedAt: daysAgo(10),
      }),
      // Kept.
      session('signed out 29 days ago', {
        createdAt: daysAgo(29.5),
        expiresAt: daysAgo(29),
        endedAt: daysAgo(29.4),
      }),
      session('expired 29 days ago', { createdAt: daysAgo(29.5), expiresAt: daysAgo(29) }),
      session('still open', { createdAt: daysAgo(0.1), expiresAt: new Date(now.getTime() + DAY / 2) }),
    ])
    const audits = async () => (await test.database.db.select({ n: count() }).from(auditLog))[0]?.n
    const auditsBefore = await audits()

    expect(await pruneStaffSessions(test.database.db, now, 2)).toBe(3)

    const left = await test.database.db
      .select({ name: staffSessions.tokenHash })
      .from(staffSessions)
      .where(eq(staffSessions.staffId, staffId))
    expect(left.map((row) => row.name).sort()).toEqual(
      ['expired 29 days ago', 'signed out 29 days ago', 'still open'].sort(),
    )
    // The sign-in history stays in the audit log.
    expect(await audits()).toBe(auditsBefore)
    // Nothing left to do on a second run (the job may run twice).
    expect(await pruneStaffSessions(test.database.db, now, 2)).toBe(0)
  })
})
