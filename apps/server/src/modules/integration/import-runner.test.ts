import type { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { signInStaff } from '../../../test/staff'
import type { StaffActor } from '../identity/staff-actor'
import { errorReportCsv } from './error-report'
import { type ImportFormat, type ReadRow, UnreadableFile } from './import-format'
import { findImport, rowErrorsOf } from './import-repo'
import { runPendingImports } from './import-runner'
import { submitImport } from './submit-import'

// The runner with a format of its own: one line per row, `ok`, `bad` or `seen` (already applied),
// and `crash` to make the database "fail" in the middle of a file.
type Line = { text: string }
let crashOnce = false
const applied: string[] = []

const linesFormat: ImportFormat<Line> = {
  kind: 'employer_declarations',
  async *read(file: Readable) {
    let text = ''
    for await (const chunk of file) text += chunk.toString()
    if (!text.startsWith('LINES')) throw new UnreadableFile('Tệp không có dòng tiêu đề LINES.')
    let rowNumber = 0
    for (const line of text.split('\n').slice(1).filter(Boolean)) {
      rowNumber++
      if (line === 'truncated') throw new UnreadableFile(`Tệp bị cắt ở dòng ${rowNumber}.`)
      yield line === 'garbled'
        ? ({
            rowNumber,
            errors: [{ rowNumber, column: 'A', reason: 'Không đọc được dòng này.' }],
          } as ReadRow<Line>)
        : { rowNumber, fields: { text: line } }
    }
  },
  async applyBatch(_tx, rows) {
    if (crashOnce && rows.some((row) => row.fields.text === 'crash')) {
      crashOnce = false
      throw new Error('connection lost')
    }
    const errors = rows
      .filter((row) => row.fields.text === 'bad')
      .map((row) => ({ rowNumber: row.rowNumber, column: 'B', reason: '=Sai "giá trị", xem lại' }))
    const good = rows.filter((row) => ['ok', 'crash'].includes(row.fields.text))
    applied.push(...good.map((row) => `${row.rowNumber}`))
    return {
      applied: good.length,
      unchanged: rows.filter((row) => row.fields.text === 'seen').length,
      errors,
    }
  },
}
const formats = { employer_declarations: linesFormat }
const run = (deps: TestApp['app']['deps']) => runPendingImports(deps, formats, { batchRows: 500 })

describe.each(testBackends())('import runner on %s', (backend) => {
  let test: TestApp
  let now = new Date('2026-12-01T03:00:00Z')
  let staff: StaffActor

  beforeAll(async () => {
    test = await createTestApp({ backend, clock: () => now })
    const signIn = await signInStaff(test.app, 'hcm.admin')
    staff = { ...signIn.staff, reach: ['079'], sessionId: '', ip: '127.0.0.1' } as unknown as StaffActor
  })
  afterAll(async () => test?.close())

  const submit = (lines: string[], fileName = 'd02.csv') =>
    submitImport(
      test.app.deps,
      { kind: 'employer_declarations', fileName, bytes: Buffer.from(['LINES', ...lines].join('\n')) },
      { kind: 'staff', staff },
    )

  it('applies good rows in batches (500 rows here), reports the refused ones, and answers the same file with its import', async () => {
    const lines = Array.from({ length: 1200 }, (_, index) =>
      index % 100 === 7 ? 'bad' : index % 100 === 8 ? 'garbled' : index % 100 === 9 ? 'seen' : 'ok',
    )
    const first = await submit(lines)
    expect(first).toMatchObject({ status: 'queued', duplicate: false, rowsRead: 0 })
    expect(await run(test.app.deps)).toBe(1)
    const done = await findImport(test.database.db, first.id)
    expect(done).toMatchObject({
      status: 'done',
      rowsTotal: 1200,
      rowsRead: 1200,
      rowsApplied: 1164,
      rowsUnchanged: 12,
      rowsRefused: 24,
    })
    const errors = await rowErrorsOf(test.database.db, first.id)
    expect(errors[0]).toEqual({ rowNumber: 8, column: 'B', reason: '=Sai "giá trị", xem lại' })
    expect(errors[1]).toEqual({ rowNumber: 9, column: 'A', reason: 'Không đọc được dòng này.' })

    const again = await submit(lines, 'd02-lan-2.csv')
    expect(again).toMatchObject({ id: first.id, duplicate: true, status: 'done' })
    expect(await run(test.app.deps)).toBe(0)
  })

  it('resumes a file whose worker died after the batches it committed, applying nothing twice', async () => {
    applied.length = 0
    crashOnce = true
    const lines = Array.from({ length: 1100 }, (_, index) => (index === 700 ? 'crash' : 'ok'))
    const item = await submit(lines, 'resume.csv')
    await expect(run(test.app.deps)).rejects.toThrow('connection lost')
    expect(await findImport(test.database.db, item.id)).toMatchObject({ status: 'running', rowsRead: 500 })
    // Another worker, before the heartbeat is stale, leaves it alone; after, it takes over.
    expect(await run(test.app.deps)).toBe(0)
    now = new Date(now.getTime() + 3 * 60_000)
    expect(await run(test.app.deps)).toBe(1)
    expect(await findImport(test.database.db, item.id)).toMatchObject({
      status: 'done',
      rowsApplied: 1100,
      rowsRead: 1100,
    })
    expect(new Set(applied).size).toBe(1100)
    expect(applied.length).toBe(1100)
  })

  it('lets the batch in the database commit before failing a file that breaks off further on', async () => {
    applied.length = 0
    const lines = Array.from({ length: 800 }, (_, index) => (index === 650 ? 'truncated' : 'ok'))
    const item = await submit(lines, 'truncated.csv')
    await run(test.app.deps)
    expect(await findImport(test.database.db, item.id)).toMatchObject({
      status: 'failed',
      failure: 'Tệp bị cắt ở dòng 651.',
      rowsRead: 500,
      rowsApplied: 500,
    })
    expect(applied).toHaveLength(500)
  })

  it('fails a file it cannot read at all, saying why', async () => {
    const item = await submitImport(
      test.app.deps,
      { kind: 'employer_declarations', fileName: 'anh.jpg', bytes: Buffer.from('not a list') },
      { kind: 'staff', staff },
    )
    await run(test.app.deps)
    expect(await findImport(test.database.db, item.id)).toMatchObject({
      status: 'failed',
      failure: 'Tệp không có dòng tiêu đề LINES.',
    })
  })

  it('refuses an empty upload by its field', async () => {
    await expect(
      submitImport(
        test.app.deps,
        { kind: 'employer_declarations', fileName: 'x.csv', bytes: Buffer.alloc(0) },
        { kind: 'staff', staff },
      ),
    ).rejects.toMatchObject({ options: { fields: { file: ['Vui lòng chọn tệp dữ liệu.'] } } })
  })
})

describe('errorReportCsv', () => {
  it('writes Excel-readable CSV, quoting where needed and keeping formulas as text', () => {
    const csv = errorReportCsv([
      { rowNumber: 2, column: 'Mức đóng', reason: 'Mức đóng "0" không hợp lệ, phải lớn hơn 0.' },
      { rowNumber: 5, column: 'Họ và tên', reason: '=HYPERLINK("x")' },
    ])
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFDòng,Cột,Lý do',
      '2,Mức đóng,"Mức đóng ""0"" không hợp lệ, phải lớn hơn 0."',
      `5,Họ và tên,"'=HYPERLINK(""x"")"`,
      '',
    ])
  })
})
