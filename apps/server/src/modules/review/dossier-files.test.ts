import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_PHOTO_BYTES } from '@ansinh/domain'
import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { registerDossier, registrationForm, testJpeg } from '../../../test/registration'
import { type StaffSignIn, signInStaff } from '../../../test/staff'
import { auditLog, dossierEvents, dossierPhotos, dossiers, fileDeletions } from '../../db/schema'
import type { EncryptedFileStore } from '../../platform/encrypted-files'
import { officeSubtreeCodes } from '../directory/repo'
import type { StaffActor } from '../identity/staff-actor'
import { addDossierFile } from './dossier-files'
import { updateDossierAt } from './repo'

type Detail = {
  id: number
  version: number
  photos: Array<{ id: number; kind: string; addedBy: string | null; replacedAt: string | null }>
}

// A reviewer replaces a photo or attaches a scan, over HTTP, signed in as the demo staff: the file is
// checked, re-encoded and encrypted like the person's own photos, and only the holder of a pending
// dossier, on the version they saw, may add one.
describe.each(testBackends())('dossier files on %s', (backend) => {
  let test: TestApp
  let image: Buffer
  let quan5: StaffSignIn
  let quan5Other: StaffSignIn
  let hanoi: StaffSignIn
  let filed = 0

  beforeAll(async () => {
    test = await createTestApp({ backend, env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' } })
    image = await testJpeg()
    quan5 = await signInStaff(test.app, 'q5.reviewer', { role: 'reviewer', officeCode: '07915' })
    quan5Other = await signInStaff(test.app, 'q5.files', { role: 'reviewer', officeCode: '07915' })
    hanoi = await signInStaff(test.app, 'dongda.reviewer', { role: 'reviewer', officeCode: '00106' })
  })
  afterAll(async () => test?.close())

  /** A new pending dossier of Quận 5 with the person's three photos. */
  async function fileDossier(): Promise<number> {
    filed += 1
    const suffix = String(filed).padStart(2, '0')
    const { dossierNumber } = await registerDossier(
      test.app,
      test.database,
      registrationForm({ bhxhCode: `79000660${suffix}`, phone: `09066000${suffix}` }),
      { portrait: image, idFront: image, idBack: image },
    )
    const [row] = await test.database.db
      .select({ id: dossiers.id })
      .from(dossiers)
      .where(eq(dossiers.dossierNumber, dossierNumber))
    if (!row) throw new Error('dossier not stored')
    return row.id
  }

  /** A new dossier taken by the Quận 5 reviewer; answers it as they see it. */
  async function heldDossier(): Promise<Detail> {
    const id = await fileDossier()
    return (await call(quan5, 'POST', `/dossiers/${id}/assign`, { version: 1 })).json()
  }

  const call = (who: StaffSignIn, method: 'GET' | 'POST', url: string, payload?: object) =>
    test.app.inject({
      method,
      url: `/api/v1/staff${url}`,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    })

  /** `POST /staff/dossiers/{id}/files` as the staff app's FormData sends it. */
  async function upload(who: StaffSignIn, id: number, fields: Record<string, string>, bytes?: Buffer) {
    const data = new FormData()
    for (const [name, value] of Object.entries(fields)) data.set(name, value)
    if (bytes) data.set('file', new Blob([bytes]), 'scan.jpg')
    const encoded = new Response(data)
    return test.app.inject({
      method: 'POST',
      url: `/api/v1/staff/dossiers/${id}/files`,
      headers: { ...who.headers, 'content-type': encoded.headers.get('content-type') ?? '' },
      payload: Buffer.from(await encoded.arrayBuffer()),
    })
  }

  const eventsOf = (id: number) =>
    test.database.db
      .select({ kind: dossierEvents.kind, detail: dossierEvents.detail })
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierId, id))
  const auditOf = (id: number, action: string) =>
    test.database.db
      .select({ detail: auditLog.detail, staffId: auditLog.staffId })
      .from(auditLog)
      .where(and(eq(auditLog.recordId, String(id)), eq(auditLog.action, action)))

  it('refuses a file that is not an image, too large or missing, and a kind it does not know, by field', async () => {
    const dossier = await heldDossier()
    const version = String(dossier.version)
    const cases: Array<[Record<string, string>, Buffer | undefined, string, string]> = [
      [{ kind: 'portrait', version }, Buffer.from('%PDF-1.7 not a photo'), 'file', 'Tệp không phải ảnh'],
      [{ kind: 'scan', version }, Buffer.alloc(MAX_PHOTO_BYTES + 1, 0xff), 'file', 'Ảnh quá lớn'],
      [{ kind: 'scan', version }, undefined, 'file', 'Vui lòng chụp hoặc chọn ảnh.'],
      [{ kind: 'selfie', version }, image, 'kind', 'Vui lòng chọn loại ảnh.'],
      [{ kind: 'scan' }, image, 'version', 'Phiên bản hồ sơ không hợp lệ.'],
    ]
    for (const [fields, bytes, field, message] of cases) {
      const answer = await upload(quan5, dossier.id, fields, bytes)
      expect(answer.statusCode, JSON.stringify(fields)).toBe(400)
      expect(answer.json().error.fields[field][0]).toContain(message)
    }
    const after = (await call(quan5, 'GET', `/dossiers/${dossier.id}`)).json()
    expect(after).toMatchObject({ version: dossier.version, photos: dossier.photos })
  })

  it('replaces a photo: the old one stays listed as replaced, the new one is current and is the history', async () => {
    const dossier = await heldDossier()
    const old = dossier.photos.find((photo) => photo.kind === 'idFront')
    const answer = await upload(
      quan5,
      dossier.id,
      { kind: 'idFront', version: String(dossier.version) },
      image,
    )
    expect(answer.statusCode, answer.body).toBe(200)
    const detail: Detail = answer.json()
    expect(detail.version).toBe(dossier.version + 1)
    const idFronts = detail.photos.filter((photo) => photo.kind === 'idFront')
    expect(idFronts).toEqual([
      expect.objectContaining({ id: old?.id, addedBy: null, replacedAt: expect.any(String) }),
      expect.objectContaining({ addedBy: quan5.staff.fullName, replacedAt: null }),
    ])
    const added = idFronts[1]?.id
    expect(await eventsOf(dossier.id)).toContainEqual({
      kind: 'photo_replaced',
      detail: { kind: 'idFront', photoId: added, replacedId: old?.id },
    })
    expect(await auditOf(dossier.id, 'dossier.file_add')).toEqual([
      { staffId: quan5.staff.id, detail: { kind: 'idFront', photoId: added, replacedId: old?.id } },
    ])
    // Both stay viewable, by id.
    for (const id of [old?.id, added]) {
      const file = await call(quan5, 'GET', `/dossiers/${dossier.id}/files/${id}?size=thumbnail`)
      expect(file.statusCode).toBe(200)
      expect(file.headers['content-type']).toBe('image/jpeg')
    }
    expect(await auditOf(dossier.id, 'dossier.photo_view')).toContainEqual({
      staffId: quan5.staff.id,
      detail: { fileId: added, kind: 'idFront', size: 'thumbnail' },
    })
  })

  it('adds scans one after another, each kept, and stores them encrypted without their metadata', async () => {
    const dossier = await heldDossier()
    const first: Detail = (
      await upload(quan5, dossier.id, { kind: 'scan', version: String(dossier.version) }, image)
    ).json()
    const second = await upload(quan5, dossier.id, { kind: 'scan', version: String(first.version) }, image)
    expect(second.statusCode, second.body).toBe(200)
    const scans = (second.json() as Detail).photos.filter((photo) => photo.kind === 'scan')
    expect(scans).toHaveLength(2)
    expect(scans.every((scan) => scan.replacedAt === null)).toBe(true)
    const events = (await eventsOf(dossier.id)).filter((event) => event.kind === 'file_attached')
    expect(events.map((event) => event.detail)).toEqual(
      scans.map((scan) => ({ kind: 'scan', photoId: scan.id })),
    )

    const [row] = await test.database.db
      .select()
      .from(dossierPhotos)
      .where(eq(dossierPhotos.id, scans[0]?.id ?? 0))
    if (!row) throw new Error('scan not stored')
    expect(row.addedBy).toBe(quan5.staff.id)
    const onDisk = await readFile(join(tmpdir(), 'ansinh-test-files', row.fileId.slice(0, 2), row.fileId))
    expect(onDisk.subarray(0, 4).toString()).toBe('ANS1')
    expect(onDisk.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false)
    const jpeg = await test.app.deps.files.get(row.fileId)
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
    expect(jpeg.includes(Buffer.from('SecretCam'))).toBe(false) // re-encoded: the EXIF is gone
    // Nothing of it waits for deletion: the transaction claimed both files.
    const staged = await test.database.db
      .select()
      .from(fileDeletions)
      .where(inArray(fileDeletions.fileId, [row.fileId, row.thumbnailFileId]))
    expect(staged).toEqual([])
  })

  it('answers 409 to a reviewer who does not hold the dossier, to a stale version and on a decided dossier', async () => {
    const unassigned = await fileDossier()
    const notHeld = await upload(quan5, unassigned, { kind: 'scan', version: '1' }, image)
    expect(notHeld.statusCode).toBe(409)
    expect(notHeld.json().error.message).toContain('Vui lòng nhận xử lý hồ sơ')

    const dossier = await heldDossier()
    const version = String(dossier.version)
    expect((await upload(quan5Other, dossier.id, { kind: 'scan', version }, image)).statusCode).toBe(409)
    const stale = await upload(quan5, dossier.id, { kind: 'scan', version: '1' }, image)
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error.message).toContain('Vui lòng tải lại hồ sơ')

    await call(quan5, 'POST', `/dossiers/${dossier.id}/decision`, {
      valid: false,
      reason: 'Ảnh giấy tờ bị mờ',
      version: dossier.version,
    })
    const decided = (await call(quan5, 'GET', `/dossiers/${dossier.id}`)).json() as Detail
    const late = await upload(quan5, dossier.id, { kind: 'scan', version: String(decided.version) }, image)
    expect(late.statusCode).toBe(409)
    expect(late.json().error.message).toContain('đã được đánh giá')
    expect(await auditOf(dossier.id, 'dossier.file_add')).toEqual([])
  })

  it('answers 401 without a session, 404 outside reach, and 404 for a file of another dossier', async () => {
    const dossier = await heldDossier()
    const anonymous = await test.app.inject({
      method: 'POST',
      url: `/api/v1/staff/dossiers/${dossier.id}/files`,
    })
    expect(anonymous.statusCode).toBe(401)
    const portrait = dossier.photos.find((photo) => photo.kind === 'portrait')?.id
    const outside = await upload(hanoi, dossier.id, { kind: 'scan', version: String(dossier.version) }, image)
    expect(outside.statusCode).toBe(404)
    expect((await call(hanoi, 'GET', `/dossiers/${dossier.id}/files/${portrait}`)).statusCode).toBe(404)
    expect((await upload(quan5, 999999, { kind: 'scan', version: '1' }, image)).statusCode).toBe(404)

    const other = await fileDossier()
    expect((await call(quan5, 'GET', `/dossiers/${other}/files/${portrait}`)).statusCode).toBe(404)
    expect((await call(quan5, 'GET', `/dossiers/${dossier.id}/files/${portrait}`)).statusCode).toBe(200)
  })

  it('leaves no file behind when the dossier changes between the check and the transaction', async () => {
    const dossier = await heldDossier()
    const reach = await officeSubtreeCodes(test.database.db, '07915')
    const staff: StaffActor = { ...quan5.staff, role: 'reviewer', reach, sessionId: 'test', ip: '127.0.0.1' }
    const stored: string[] = []
    const real = test.app.deps.files
    // Another reviewer's change lands while the file is being stored.
    const files: EncryptedFileStore = {
      ...real,
      put: async (bytes) => {
        const id = await real.put(bytes)
        if (stored.push(id) === 1)
          await updateDossierAt(test.database.db, dossier.id, dossier.version, { updatedAt: new Date() })
        return id
      },
    }
    await expect(
      addDossierFile({ ...test.app.deps, files }, staff, dossier.id, {
        kind: 'portrait',
        version: dossier.version,
        file: image,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(stored).toHaveLength(2) // the photo and its thumbnail
    for (const id of stored) await expect(real.get(id)).rejects.toThrow()
    expect(
      await test.database.db.select().from(fileDeletions).where(inArray(fileDeletions.fileId, stored)),
    ).toEqual([])
    const portraits = await test.database.db
      .select()
      .from(dossierPhotos)
      .where(and(eq(dossierPhotos.dossierId, dossier.id), eq(dossierPhotos.kind, 'portrait')))
    expect(portraits).toMatchObject([{ replacedAt: null, addedBy: null }])
  })
})
