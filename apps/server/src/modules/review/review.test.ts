import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { registerDossier, registrationForm, type TestPhotos, testJpeg } from '../../../test/registration'
import { auditLog, citizenAccounts, dossiers, messages, people } from '../../db/schema'
import { officeSubtreeCodes } from '../directory/repo'
import { createStaffAccount } from '../identity/accounts'
import type { StaffActor, StaffRole } from '../identity/staff-actor'
import { decideDossier } from './decide-dossier'
import { handleDossier } from './handle-dossier'
import { searchDossierList, viewDossier } from './view-dossiers'

// The review use cases called as a signed-in staff member would reach them (the HTTP layer and its
// sign-in are tested with the routes).
describe.each(testBackends())('dossier review on %s', (backend) => {
  let test: TestApp
  let photos: TestPhotos
  let quan5: StaffActor
  let quan5Other: StaffActor
  let hanoi: StaffActor
  const search = (staff: StaffActor, query: Record<string, unknown> = {}) =>
    searchDossierList(test.app.deps, staff, { sort: 'newest', limit: 50, ...query })

  async function staff(
    username: string,
    officeCode: string,
    role: StaffRole = 'reviewer',
  ): Promise<StaffActor> {
    const fullName = `Cán bộ ${username}`
    const { id } = await createStaffAccount(test.database.db, {
      username,
      fullName,
      officeCode,
      role,
      password: 'x',
    })
    const reach = await officeSubtreeCodes(test.database.db, officeCode)
    return { id, username, fullName, officeCode, role, reach, sessionId: 'test', ip: '127.0.0.1' }
  }

  async function file(bhxhCode: string, phone: string, fullName = 'Trần Văn Bình') {
    const { dossierNumber } = await registerDossier(
      test.app,
      test.database,
      registrationForm({ bhxhCode, phone, fullName }),
      photos,
    )
    const [row] = await test.database.db
      .select()
      .from(dossiers)
      .where(eq(dossiers.dossierNumber, dossierNumber))
    if (!row) throw new Error('dossier not stored')
    return row
  }

  async function inRegistry(bhxhCode: string, fullName: string) {
    await test.database.db.insert(people).values({
      bhxhCode,
      fullName,
      foldedName: fullName.toLowerCase(),
      birthYear: 1990,
      gender: 'male',
      addressCodeSet: '2025-07-01',
      provinceCode: '79',
      phone: '0909999999',
    })
  }

  /** Take, receive the papers, ready to decide: what a reviewer does at the counter. */
  async function prepare(reviewer: StaffActor, id: number) {
    const taken = await handleDossier(test.app.deps, reviewer, id, 'assign', 1)
    return handleDossier(test.app.deps, reviewer, id, 'receive', taken.version)
  }

  beforeAll(async () => {
    test = await createTestApp({ backend, env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' } })
    const image = await testJpeg()
    photos = { portrait: image, idFront: image, idBack: image }
    quan5 = await staff('q5.one', '07915')
    quan5Other = await staff('q5.two', '07915')
    hanoi = await staff('dongda.one', '00106')
  })
  afterAll(async () => test?.close())

  it('lists only dossiers within reach, newest first, a page at a time, with the total', async () => {
    for (const n of [1, 2, 3]) await file(`790008800${n}`, `090880000${n}`)
    const first = await search(quan5, { limit: 2, person: undefined })
    expect(first.total).toBeGreaterThanOrEqual(3)
    expect(first.items).toHaveLength(2)
    expect(first.nextCursor).not.toBeNull()
    const second = await search(quan5, { limit: 2, cursor: first.nextCursor })
    const seen = [...first.items, ...second.items].map((item) => item.id)
    expect(new Set(seen).size).toBe(seen.length)
    expect((first.items[0]?.submittedAt ?? '') >= (first.items[1]?.submittedAt ?? '')).toBe(true)
    expect(
      (await search(quan5, { person: { kind: 'bhxhCode', value: '7900088002' } })).items.map(
        (item) => item.bhxhCode,
      ),
    ).toEqual(['7900088002'])
    expect(await search(hanoi)).toMatchObject({ items: [], total: 0 })
    const [audited] = await test.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.staffId, quan5.id), eq(auditLog.action, 'dossier.search')))
    expect(audited).toMatchObject({ officeCode: '07915', ip: '127.0.0.1' })
  })

  it('answers "not found" for a dossier outside reach, and shows it with the registry beside it inside', async () => {
    const dossier = await file('7900088004', '0908800004', 'Trần Văn Bình')
    await inRegistry('7900088004', 'TRẦN VĂN MINH')
    await expect(viewDossier(test.app.deps, hanoi, dossier.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const detail = await viewDossier(test.app.deps, quan5, dossier.id)
    expect(detail.photos.map((photo) => photo.kind).sort()).toEqual(['idBack', 'idFront', 'portrait'])
    expect(detail.history.map((event) => event.kind)).toEqual(['submitted'])
    expect(detail.registry.found).toBe(true)
    expect(detail.registry.fields.find((field) => field.field === 'fullName')).toMatchObject({
      differs: true,
    })
    expect(detail.address).toContain('Phường Chợ Quán')
  })

  it('approves: the account is created and its one-time password is sent, in one step', async () => {
    const dossier = await file('7900088005', '0908800005')
    await inRegistry('7900088005', 'Trần Văn Bình')
    await expect(
      decideDossier(test.app.deps, quan5, dossier.id, { valid: true, version: 1 }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    }) // not taken yet
    const taken = await handleDossier(test.app.deps, quan5, dossier.id, 'assign', 1)
    await expect(
      decideDossier(test.app.deps, quan5, dossier.id, { valid: true, version: taken.version }),
    ).rejects.toMatchObject({ code: 'CONFLICT' }) // papers not received
    const ready = await handleDossier(test.app.deps, quan5, dossier.id, 'receive', taken.version)
    await expect(
      decideDossier(test.app.deps, quan5Other, dossier.id, { valid: true, version: ready.version }),
    ).rejects.toMatchObject({ code: 'CONFLICT' }) // held by someone else

    const result = await decideDossier(test.app.deps, quan5, dossier.id, {
      valid: true,
      version: ready.version,
    })
    expect(result.outcome).toBe('account_created')
    expect(result.dossier).toMatchObject({ status: 'valid', condition: 'received', assignedTo: null })
    expect(result.dossier.history.map((event) => event.kind)).toEqual([
      'submitted',
      'assigned',
      'received',
      'decided',
      'account_created',
      'message_sent',
    ])
    const [account] = await test.database.db
      .select()
      .from(citizenAccounts)
      .where(eq(citizenAccounts.username, '7900088005'))
    expect(account).toMatchObject({ mustChangePassword: true, status: 'active' })
    const sms = await test.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.kind, 'account_created'), eq(messages.recipient, '0908800005')))
    expect(sms).toHaveLength(1)
    await expect(
      decideDossier(test.app.deps, quan5, dossier.id, {
        valid: false,
        reason: 'Thử lại',
        version: result.dossier.version,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' }) // decided once, for good
  })

  it('sends a dossier whose code or name is not in the registry to "cần cấp mã số BHXH"', async () => {
    const dossier = await file('7900088006', '0908800006')
    const ready = await prepare(quan5, dossier.id)
    const result = await decideDossier(test.app.deps, quan5, dossier.id, {
      valid: true,
      version: ready.version,
    })
    expect(result).toMatchObject({ outcome: 'needs_bhxh_code', dossier: { status: 'needs_bhxh_code' } })
    const notice = await test.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.kind, 'bhxh_code_needed'), eq(messages.recipient, '0908800006')))
    expect(notice).toHaveLength(1)
  })

  it('rejects with the reason, which reaches the person', async () => {
    const dossier = await file('7900088007', '0908800007')
    const taken = await handleDossier(test.app.deps, quan5, dossier.id, 'assign', 1)
    const result = await decideDossier(test.app.deps, quan5, dossier.id, {
      valid: false,
      reason: 'Ảnh CCCD bị mờ, không đọc được số',
      version: taken.version,
    })
    expect(result).toMatchObject({ outcome: 'rejected', dossier: { status: 'invalid' } })
    const [sms] = await test.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.kind, 'dossier_rejected'), eq(messages.recipient, '0908800007')))
    expect(sms?.body).toContain('Anh CCCD bi mo')
  })

  it('lets one of two simultaneous decisions win; the other gets a conflict', async () => {
    const dossier = await file('7900088008', '0908800008')
    const taken = await handleDossier(test.app.deps, quan5, dossier.id, 'assign', 1)
    const decide = (reason: string) =>
      decideDossier(test.app.deps, quan5, dossier.id, { valid: false, reason, version: taken.version })
    const outcomes = await Promise.allSettled([decide('Lý do thứ nhất'), decide('Lý do thứ hai')])
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected'])
    const refused = outcomes.find((outcome) => outcome.status === 'rejected')
    expect(refused?.status === 'rejected' && refused.reason).toMatchObject({ code: 'CONFLICT' })
  })

  it('writes every step to the audit log, which the application cannot change', async () => {
    const actions = (
      await test.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.staffId, quan5.id))
    ).map((row) => row.action)
    for (const action of [
      'dossier.search',
      'dossier.view',
      'dossier.assign',
      'dossier.receive',
      'dossier.decide',
    ])
      expect(actions).toContain(action)
  })
})
