import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { registrationForm, registrationMultipart, testJpeg } from '../../../test/registration'
import { citizenAccounts, citizenSessions, dossierPhotos, dossiers, messages, people } from '../../db/schema'
import { officeSubtreeCodes } from '../directory/repo'
import { createCitizenAccount, createStaffAccount } from '../identity/accounts'
import type { StaffActor } from '../identity/staff-actor'
import { fileChildRegistration, fileContactChange, fileStopRequest } from '../registration/account-dossiers'
import { processPhoto } from '../registration/photos'
import { stagePhoto } from '../registration/stored-photos'
import { decideDossier } from './decide-dossier'
import { handleDossier } from './handle-dossier'
import { viewDossier } from './view-dossiers'

// Child, change and stop dossiers, filed through the service the self-service screens will call,
// then reviewed as a reviewer at the receiving office does (seed 002 Appendix 02, seeds 001 and 004).
describe.each(testBackends())('review of dossiers filed from an account on %s', (backend) => {
  let test: TestApp
  let quan5: StaffActor
  let hanoi: StaffActor
  let serial = 0

  async function reviewer(username: string, officeCode: string): Promise<StaffActor> {
    const fullName = `Cán bộ ${username}`
    const { id } = await createStaffAccount(test.database.db, {
      username,
      fullName,
      officeCode,
      role: 'reviewer',
      password: 'x',
    })
    const reach = await officeSubtreeCodes(test.database.db, officeCode)
    return { id, username, fullName, officeCode, role: 'reviewer', reach, sessionId: 'test', ip: '127.0.0.1' }
  }

  /** A person in the registry, with an account unless `account` is false. */
  async function person(
    fullName: string,
    options: { account?: boolean; phone?: string | null; birthYear?: number; street?: string | null } = {},
  ) {
    serial += 1
    const bhxhCode = `79000770${String(serial).padStart(2, '0')}`
    const [row] = await test.database.db
      .insert(people)
      .values({
        bhxhCode,
        personalId: `0790900${String(serial).padStart(5, '0')}`,
        fullName,
        foldedName: fullName.toLowerCase(),
        birthYear: options.birthYear ?? 1990,
        gender: 'female',
        addressCodeSet: '2025-07-01',
        provinceCode: '79',
        communeCode: '27301',
        street: options.street === undefined ? 'Số 1 Nguyễn Trãi' : options.street,
        phone: options.phone === undefined ? `09077000${String(serial).padStart(2, '0')}` : options.phone,
        email: `nguoi${serial}@example.vn`,
      })
      .returning()
    if (!row) throw new Error('person not stored')
    if (options.account === false) return { person: row, accountId: 0 }
    const { id } = await createCitizenAccount(test.database.db, {
      personId: row.id,
      username: bhxhCode,
      password: 'Demo@AnSinh2026',
      mustChangePassword: false,
    })
    return { person: row, accountId: id }
  }

  async function storedBirthCertificate() {
    return stagePhoto(test.app.deps, await processPhoto(await testJpeg(800, 600)))
  }

  /** The reviewer takes the dossier and decides it on the version they saw. */
  async function decide(id: number, valid: true | { reason: string }) {
    const taken = await handleDossier(test.app.deps, quan5, id, 'assign', 1)
    const decision =
      valid === true
        ? { valid: true as const, version: taken.version }
        : { valid: false as const, version: taken.version, reason: valid.reason }
    return decideDossier(test.app.deps, quan5, id, decision)
  }

  const sentTo = (recipient: string, kind: string) =>
    test.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.recipient, recipient), eq(messages.kind, kind)))

  beforeAll(async () => {
    test = await createTestApp({ backend })
    quan5 = await reviewer('q5.accounts', '07915')
    hanoi = await reviewer('dongda.accounts', '00106')
  })
  afterAll(async () => test?.close())

  it('a change of information shows old and new values, and "Xác nhận" applies it to the registry', async () => {
    const { person: holder, accountId } = await person('Phạm Thị Lan')
    const filed = await fileContactChange(test.app.deps, accountId, {
      phone: '0907799001',
      email: 'lan.moi@example.vn',
      officeCode: '07915',
    })
    expect(filed).toMatchObject({
      kind: 'change',
      status: 'pending',
      condition: 'online',
      paperDeadline: null,
      filedByAccountId: accountId,
      bhxhCode: holder.bhxhCode,
      idKind: 'personal_id',
    })
    await expect(viewDossier(test.app.deps, hanoi, filed.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const detail = await viewDossier(test.app.deps, quan5, filed.id)
    expect(detail.request).toEqual({
      kind: 'change',
      account: { id: accountId, bhxhCode: holder.bhxhCode, fullName: 'Phạm Thị Lan', status: 'active' },
      changes: [
        { field: 'phone', before: holder.phone, after: '0907799001', beforeUnits: null, afterUnits: null },
        {
          field: 'email',
          before: holder.email,
          after: 'lan.moi@example.vn',
          beforeUnits: null,
          afterUnits: null,
        },
      ],
    })

    // No paper is due: the reviewer decides without "Đã nhận hồ sơ giấy".
    const result = await decide(filed.id, true)
    expect(result.outcome).toBe('contact_changed')
    expect(result.dossier.history.map((event) => event.kind)).toEqual([
      'submitted',
      'assigned',
      'decided',
      'account_updated',
      'message_sent',
    ])
    const [updated] = await test.database.db.select().from(people).where(eq(people.id, holder.id))
    expect(updated).toMatchObject({ phone: '0907799001', email: 'lan.moi@example.vn', street: holder.street })
    // The new phone gets the result, and the old one a warning, so an unwanted change is noticed.
    expect(await sentTo('0907799001', 'account_request_approved')).toHaveLength(1)
    expect(await sentTo(holder.phone ?? '', 'account_request_approved')).toHaveLength(1)
  })

  it('a change of address is described in words on both sides', async () => {
    const { accountId } = await person('Võ Văn Tâm')
    const filed = await fileContactChange(test.app.deps, accountId, {
      address: { codeSet: '2025-07-01', provinceCode: '79', communeCode: '27301', street: 'Số 99 Lê Lợi' },
      officeCode: '07915',
    })
    const detail = await viewDossier(test.app.deps, quan5, filed.id)
    expect(detail.request?.kind).toBe('change')
    const changes = detail.request?.kind === 'change' ? detail.request.changes : []
    expect(changes.map((change) => change.field)).toEqual(['address'])
    expect(changes[0]?.before).toContain('Số 1 Nguyễn Trãi')
    expect(changes[0]?.after).toContain('Số 99 Lê Lợi')
  })

  it('names the current units beside each side of an address change recorded in old units', async () => {
    const { person: holder, accountId } = await person('Trịnh Văn Hải')
    // Old Hà Nội, Quận Ba Đình: Phường Phúc Xá (00001) went whole into Phường Hồng Hà; Phường Cống Vị
    // (00007) was split between Phường Ngọc Hà and Phường Giảng Võ.
    await test.database.db
      .update(people)
      .set({ addressCodeSet: '2004-2025', provinceCode: '01', districtCode: '001', communeCode: '00001' })
      .where(eq(people.id, holder.id))
    const filed = await fileContactChange(test.app.deps, accountId, {
      address: {
        codeSet: '2004-2025',
        provinceCode: '01',
        districtCode: '001',
        communeCode: '00007',
        street: 'Số 5 Phố Đội Cấn',
      },
      officeCode: '07915',
    })
    const detail = await viewDossier(test.app.deps, quan5, filed.id)
    const [change] = detail.request?.kind === 'change' ? detail.request.changes : []
    expect(change).toMatchObject({
      field: 'address',
      before: 'Số 1 Nguyễn Trãi, Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội',
      after: 'Số 5 Phố Đội Cấn, Phường Cống Vị, Quận Ba Đình, Thành phố Hà Nội',
      beforeUnits: { text: 'Phường Hồng Hà, Thành phố Hà Nội', split: false },
      afterUnits: { text: 'Phường Ngọc Hà hoặc Phường Giảng Võ, Thành phố Hà Nội', split: true },
    })

    // Moved into a 2025 address: only the side still in old units carries the line.
    const { person: mover, accountId: movingId } = await person('Trịnh Thị Hoa')
    await test.database.db
      .update(people)
      .set({ addressCodeSet: '2004-2025', provinceCode: '01', districtCode: '001', communeCode: '00001' })
      .where(eq(people.id, mover.id))
    const moving = await fileContactChange(test.app.deps, movingId, {
      address: {
        codeSet: '2025-07-01',
        provinceCode: '01',
        communeCode: '00097',
        street: 'Số 2 Phố Đội Cấn',
      },
      officeCode: '07915',
    })
    const [move] = await viewDossier(test.app.deps, quan5, moving.id).then((view) =>
      view.request?.kind === 'change' ? view.request.changes : [],
    )
    expect(move).toMatchObject({
      field: 'address',
      beforeUnits: { text: 'Phường Hồng Hà, Thành phố Hà Nội' },
      afterUnits: null,
    })
  })

  it('refuses a change to a phone another account uses, and a second pending dossier', async () => {
    const { person: other } = await person('Đỗ Minh Khang')
    const { accountId } = await person('Đỗ Minh Châu')
    await expect(
      fileContactChange(test.app.deps, accountId, { phone: other.phone ?? '', officeCode: '07915' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      options: { fields: { phone: [expect.any(String)] } },
    })
    await fileStopRequest(test.app.deps, accountId, {
      reason: 'Không dùng điện thoại thông minh',
      officeCode: '07915',
    })
    await expect(
      fileContactChange(test.app.deps, accountId, { email: 'chau@example.vn', officeCode: '07915' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('a rejected change leaves the registry as it was and tells the person why', async () => {
    const { person: holder, accountId } = await person('Lý Thu Trang')
    const filed = await fileContactChange(test.app.deps, accountId, {
      phone: '0907799002',
      officeCode: '07915',
    })
    const result = await decide(filed.id, { reason: 'Số điện thoại không chính chủ' })
    expect(result.outcome).toBe('rejected')
    const [unchanged] = await test.database.db.select().from(people).where(eq(people.id, holder.id))
    expect(unchanged?.phone).toBe(holder.phone)
    // The reason goes to the account's own phone, never to the number it asked for (not yet proved).
    expect(await sentTo(holder.phone ?? '', 'dossier_rejected')).toHaveLength(1)
    expect(await sentTo('0907799002', 'dossier_rejected')).toHaveLength(0)
    expect(await sentTo('0907799002', 'dossier_received')).toHaveLength(0)
  })

  it('applies only what was asked, and not over a change the office made since', async () => {
    const { person: holder, accountId } = await person('Mai Văn Đức', { street: null })
    const filed = await fileContactChange(test.app.deps, accountId, {
      email: 'duc@example.vn',
      officeCode: '07915',
    })
    const detail = await viewDossier(test.app.deps, quan5, filed.id)
    expect(detail.request?.kind === 'change' && detail.request.changes.map((change) => change.field)).toEqual(
      ['email'],
    )
    await decide(filed.id, true)
    const [updated] = await test.database.db.select().from(people).where(eq(people.id, holder.id))
    expect(updated).toMatchObject({ email: 'duc@example.vn', street: null, phone: holder.phone })

    const again = await fileContactChange(test.app.deps, accountId, {
      email: 'duc2@example.vn',
      officeCode: '07915',
    })
    await test.database.db
      .update(people)
      .set({ email: 'tai-quay@example.vn' })
      .where(eq(people.id, holder.id))
    await expect(decide(again.id, true)).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('has no paper step for a dossier filed online', async () => {
    const { accountId } = await person('Tạ Thu Hà')
    const filed = await fileStopRequest(test.app.deps, accountId, {
      reason: 'Không còn nhu cầu',
      officeCode: '07915',
    })
    const taken = await handleDossier(test.app.deps, quan5, filed.id, 'assign', 1)
    await expect(
      handleDossier(test.app.deps, quan5, filed.id, 'receive', taken.version),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    })
  })

  it('a stop closes the account and signs out its devices', async () => {
    const { accountId } = await person('Trịnh Công Sơn')
    await test.database.db.insert(citizenSessions).values({
      tokenHash: `hash-${accountId}`,
      accountId,
      deviceId: 'device-1',
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    const filed = await fileStopRequest(test.app.deps, accountId, {
      reason: 'Tôi không còn dùng ứng dụng',
      officeCode: '07915',
    })
    const detail = await viewDossier(test.app.deps, quan5, filed.id)
    expect(detail.request).toMatchObject({ kind: 'stop', reason: 'Tôi không còn dùng ứng dụng' })
    const result = await decide(filed.id, true)
    expect(result.outcome).toBe('account_stopped')
    const [account] = await test.database.db
      .select()
      .from(citizenAccounts)
      .where(eq(citizenAccounts.id, accountId))
    expect(account?.status).toBe('stopped')
    expect(account?.statusReason).toBe(`Ngừng sử dụng theo hồ sơ số ${filed.dossierNumber}`)
    const [session] = await test.database.db
      .select()
      .from(citizenSessions)
      .where(eq(citizenSessions.accountId, accountId))
    expect(session).toMatchObject({ endReason: 'staff', endedAt: expect.any(Date) })
    // A closed account files nothing more.
    await expect(
      fileStopRequest(test.app.deps, accountId, { reason: 'Thử lại lần nữa', officeCode: '07915' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it("a stop also closes the children's accounts it opened, and a closed account can be opened again", async () => {
    const { person: parent, accountId: parentAccountId } = await person('Phan Thị Yến')
    const { person: child } = await person('Phan Gia Hân', { account: false, phone: null, birthYear: 2017 })
    const childDossier = await fileChildRegistration(
      test.app.deps,
      parentAccountId,
      {
        identifier: { kind: 'bhxhCode', value: child.bhxhCode ?? '' },
        fullName: 'Phan Gia Hân',
        officeCode: '07915',
      },
      await storedBirthCertificate(),
    )
    await decide(childDossier.id, true)
    const stop = await fileStopRequest(test.app.deps, parentAccountId, {
      reason: 'Đổi sang VNeID',
      officeCode: '07915',
    })
    await decide(stop.id, true)
    const statusOf = async (personId: number) =>
      (await test.database.db.select().from(citizenAccounts).where(eq(citizenAccounts.personId, personId)))[0]
    expect((await statusOf(child.id))?.status).toBe('stopped')

    // Registering again reopens the same account row (the unique person index still holds).
    const reopened = await createCitizenAccount(test.database.db, {
      personId: parent.id,
      username: parent.bhxhCode ?? '',
      password: 'Mật-khẩu-Mới-2026',
      mustChangePassword: true,
    })
    expect(reopened.id).toBe(parentAccountId)
    expect(await statusOf(parent.id)).toMatchObject({ status: 'active', mustChangePassword: true })
    // An open account is never replaced.
    await expect(
      createCitizenAccount(test.database.db, {
        personId: parent.id,
        username: parent.bhxhCode ?? '',
        password: 'x',
        mustChangePassword: true,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('refuses a child account for someone the registry says is an adult', async () => {
    const { accountId } = await person('Đinh Văn Long')
    const { person: adult } = await person('Đinh Văn Sơn', { account: false, birthYear: 2000 })
    const filed = await fileChildRegistration(
      test.app.deps,
      accountId,
      {
        identifier: { kind: 'bhxhCode', value: adult.bhxhCode ?? '' },
        fullName: 'Đinh Văn Sơn',
        officeCode: '07915',
      },
      await storedBirthCertificate(),
    )
    await expect(decide(filed.id, true)).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it("a child's dossier shows the birth certificate and the parent, and creates the child's account under the parent's", async () => {
    const { person: parent, accountId: parentAccountId } = await person('Nguyễn Thị Hoa')
    const { person: child } = await person('Lê Minh Khôi', { account: false, phone: null, birthYear: 2016 })
    const filed = await fileChildRegistration(
      test.app.deps,
      parentAccountId,
      {
        identifier: { kind: 'bhxhCode', value: child.bhxhCode ?? '' },
        fullName: 'Lê Minh Khôi',
        officeCode: '07915',
      },
      await storedBirthCertificate(),
    )
    expect(filed).toMatchObject({ kind: 'child', idKind: null, phone: parent.phone, condition: 'online' })
    // While the office handles it, the child's code cannot be registered anew: refused before any OTP.
    const image = await testJpeg()
    const selfRegistration = await test.app.inject({
      method: 'POST',
      url: '/api/v1/registrations',
      ...(await registrationMultipart(
        registrationForm({ bhxhCode: child.bhxhCode, fullName: 'Lê Minh Khôi', phone: '0907799055' }),
        { portrait: image, idFront: image, idBack: image },
      )),
    })
    expect(selfRegistration.statusCode).toBe(409)
    expect(selfRegistration.json().error.message).toContain('Vui lòng chờ kết quả')
    const detail = await viewDossier(test.app.deps, quan5, filed.id)
    expect(detail.photos.map((photo) => photo.kind)).toEqual(['birthCertificate'])
    expect(detail.request).toMatchObject({
      kind: 'child',
      guardian: { id: parentAccountId, fullName: 'Nguyễn Thị Hoa' },
    })
    const result = await decide(filed.id, true)
    expect(result.outcome).toBe('child_linked')
    const [account] = await test.database.db
      .select()
      .from(citizenAccounts)
      .where(eq(citizenAccounts.personId, child.id))
    expect(account).toMatchObject({ guardianAccountId: parentAccountId, username: child.bhxhCode })
    expect(await sentTo(parent.phone ?? '', 'account_request_approved')).toHaveLength(1)
    // No password goes anywhere: the parent opens the child's account from their own.
    expect(await sentTo(parent.phone ?? '', 'account_created')).toHaveLength(0)
  })

  it("a child's name that does not match the registry needs a BHXH code, not an account", async () => {
    const { accountId } = await person('Nguyễn Văn Phúc')
    const { person: child } = await person('Nguyễn Gia Huy', { account: false, phone: null, birthYear: 2018 })
    const filed = await fileChildRegistration(
      test.app.deps,
      accountId,
      {
        identifier: { kind: 'bhxhCode', value: child.bhxhCode ?? '' },
        fullName: 'Nguyễn Gia Hưng',
        officeCode: '07915',
      },
      await storedBirthCertificate(),
    )
    expect((await decide(filed.id, true)).outcome).toBe('needs_bhxh_code')
    const [photo] = await test.database.db
      .select()
      .from(dossierPhotos)
      .where(eq(dossierPhotos.dossierId, filed.id))
    expect(photo?.kind).toBe('birthCertificate')
    expect(
      await test.database.db.select().from(citizenAccounts).where(eq(citizenAccounts.personId, child.id)),
    ).toHaveLength(0)
  })

  it('keeps the database rules: only a child dossier may lack an ID, only an online one a paper deadline', async () => {
    const { accountId } = await person('Hồ Thị Mai')
    const filed = await fileStopRequest(test.app.deps, accountId, {
      reason: 'Không còn nhu cầu',
      officeCode: '07915',
    })
    await expect(
      test.database.db.update(dossiers).set({ idNumber: null }).where(eq(dossiers.id, filed.id)),
    ).rejects.toThrow()
    await expect(
      test.database.db.update(dossiers).set({ paperDeadline: '2026-12-31' }).where(eq(dossiers.id, filed.id)),
    ).rejects.toThrow()
  })
})
