import { readFileSync } from 'node:fs'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testBackends } from '../../../../test/database'
import type { DatabaseHandle } from '../../../db/client'
import { citizenAccounts, healthCards, people, staffAccounts } from '../../../db/schema'
import { verifyPassword } from '../../identity/password'
import { unsealTotp } from '../../identity/staff-totp'
import { insertReferenceFixture } from './reference-fixture'
import { demoStaffSignIn, IncompleteSeedError, seedDemo } from './seed-demo'
import { demoAccounts } from './well-known'

const totpKey = Buffer.alloc(32, 5)

describe.each(testBackends())('seedDemo on %s', (backend) => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await createTestDatabase(backend)
    await insertReferenceFixture(handle.db)
  })
  afterAll(async () => handle?.close())

  it('loads the well-known household and the generated people once', async () => {
    const first = await seedDemo(handle, { people: 150, seed: 9, asOf: '2026-11-01', totpKey })
    expect(first).toMatchObject({ skipped: false, people: 154 }) // 4 well-known people + 150
    const second = await seedDemo(handle, { people: 150, seed: 9, asOf: '2026-11-01', totpKey })
    expect(second).toEqual({ skipped: true })
    const [count] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(people)
    expect(count?.n).toBe(154)
  })

  it('creates the demo citizen account on the BHXH code, with a password that verifies', async () => {
    const { citizen } = demoAccounts
    const [account] = await handle.db
      .select({
        hash: citizenAccounts.passwordHash,
        mustChange: citizenAccounts.mustChangePassword,
        bhxh: people.bhxhCode,
      })
      .from(citizenAccounts)
      .innerJoin(people, eq(people.id, citizenAccounts.personId))
      .where(eq(citizenAccounts.username, citizen.username))
    expect(account?.bhxh).toBe(citizen.bhxhCode)
    expect(account?.mustChange).toBe(false)
    expect(await verifyPassword(account?.hash ?? '', citizen.password)).toBe(true)
    expect(await verifyPassword(account?.hash ?? '', `${citizen.password}x`)).toBe(false)
  })

  it('creates the staff accounts in their offices, with passwords that verify', async () => {
    for (const staff of demoAccounts.staff) {
      const [account] = await handle.db
        .select()
        .from(staffAccounts)
        .where(eq(staffAccounts.username, staff.username))
      expect(account).toMatchObject({
        officeCode: staff.officeCode,
        role: staff.role,
        fullName: staff.fullName,
      })
      expect(await verifyPassword(account?.passwordHash ?? '', staff.password)).toBe(true)
      // Second factor enrolled with the published secret, stored encrypted.
      expect(account?.totpEnabledAt).toBeInstanceOf(Date)
      expect(account?.totpSecret).not.toContain(staff.totpSecret)
      expect(unsealTotp(totpKey, account?.id ?? 0, account?.totpSecret ?? '').secret).toBe(staff.totpSecret)
    }
  })

  it('publishes distinct 160-bit TOTP secrets and prints them in the seed report', () => {
    const secrets = demoAccounts.staff.map((staff) => staff.totpSecret)
    expect(new Set(secrets).size).toBe(secrets.length)
    for (const secret of secrets) expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(demoStaffSignIn().join('\n')).toContain(`TOTP secret ${secrets[0]}`)
    const readme = readFileSync(new URL('../../../../../../README.md', import.meta.url), 'utf8')
    for (const staff of demoAccounts.staff)
      expect(readme).toMatch(new RegExp(`\\| \`${staff.username}\` +\\| \`${staff.totpSecret}\` +\\|`))
  })

  it('gives the demo citizen and her child current cards', async () => {
    const cards = await handle.db
      .select({ number: healthCards.cardNumber, group: healthCards.groupCode })
      .from(healthCards)
      .where(
        sql`${healthCards.cardNumber} in (${demoAccounts.citizen.bhxhCode}, ${demoAccounts.child.bhxhCode})`,
      )
    expect(cards.map((card) => card.group).sort()).toEqual(['DN', 'HS'])
  })
})

describe('an interrupted demo seed', () => {
  it('is refused with a clear message instead of being taken for a finished one', async () => {
    const handle = await createTestDatabase()
    try {
      await insertReferenceFixture(handle.db)
      await seedDemo(handle, { people: 5, seed: 3, asOf: '2026-11-01', totpKey })
      // As if the process died before the accounts (one transaction) were written.
      await handle.db.delete(staffAccounts)
      await handle.db.delete(citizenAccounts)
      await expect(seedDemo(handle, { people: 5, seed: 3, asOf: '2026-11-01', totpKey })).rejects.toThrow(
        IncompleteSeedError,
      )
    } finally {
      await handle.close()
    }
  })
})

describe('a demo seeded by an earlier version', () => {
  it('gets the demo staff added since, and nothing else changes', async () => {
    const handle = await createTestDatabase()
    try {
      await insertReferenceFixture(handle.db)
      await seedDemo(handle, { people: 5, seed: 3, asOf: '2026-11-01', totpKey })
      const newer = demoAccounts.staff.at(-1)?.username ?? ''
      await handle.db.delete(staffAccounts).where(eq(staffAccounts.username, newer))
      const [before] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(people)

      const again = await seedDemo(handle, { people: 5, seed: 3, asOf: '2026-11-01', totpKey })

      expect(again).toEqual({ skipped: true, addedDemoStaff: [newer] })
      const [account] = await handle.db.select().from(staffAccounts).where(eq(staffAccounts.username, newer))
      expect(account?.fullName).toBe(demoAccounts.staff.at(-1)?.fullName)
      const [after] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(people)
      expect(after?.n).toBe(before?.n)
      expect(await seedDemo(handle, { people: 5, seed: 3, asOf: '2026-11-01', totpKey })).toEqual({
        skipped: true,
      })
    } finally {
      await handle.close()
    }
  })
})
