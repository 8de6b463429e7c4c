import { addMonths, formatMonth, ImportKind, type ImportView } from '@ansinh/domain'
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import {
  declarationHeader,
  declarationsCsv,
  declarationsXlsx,
  type GeneratedDeclarations,
  generatedDeclarations,
} from '../../../test/declarations-fixtures'
import { employers, participationPeriods, people, staffAccounts } from '../../db/schema'
import type { StaffActor } from '../identity/staff-actor'
import { seedDemo } from '../registry/demo-population/seed-demo'
import { PERSON_NOT_FOUND } from './declarations-apply'
import { DeclarationColumn } from './declarations-fields'
import { declarationsFormat } from './declarations-format'
import { findImport, rowErrorsOf } from './import-repo'
import { runPendingImports } from './import-runner'
import { submitImport } from './submit-import'

// The employer's monthly list (D02-LT) through the import pipeline: submitted as a staff upload, read
// and applied by the runner, on a registry seeded with the demo population.
describe.each(testBackends())('employer declarations on %s', (backend) => {
  let test: TestApp
  let staff: StaffActor
  let generated: GeneratedDeclarations
  const formats = { employer_declarations: declarationsFormat }

  beforeAll(async () => {
    test = await createTestApp({ backend })
    await seedDemo(test.database, { people: 1_500, seed: 3, totpKey: Buffer.alloc(32, 7) })
    const [account] = await test.database.db.select().from(staffAccounts).limit(1)
    if (!account) throw new Error('no staff account')
    staff = {
      id: account.id,
      username: account.username,
      fullName: account.fullName,
      officeCode: account.officeCode,
      role: account.role,
      reach: [account.officeCode],
      sessionId: 'test',
      ip: '127.0.0.1',
    }
    generated = await generatedDeclarations(test.database.db, { count: 1_000, badShare: 0.05 })
  }, 180_000)
  afterAll(async () => test?.close())

  async function importFile(fileName: string, bytes: Buffer): Promise<ImportView> {
    const submitted = await submitImport(
      test.app.deps,
      { kind: ImportKind.EmployerDeclarations, fileName, bytes },
      { kind: 'staff', staff },
    )
    await runPendingImports(test.app.deps, formats)
    const done = await findImport(test.database.db, submitted.id)
    if (!done) throw new Error('import vanished')
    return { ...submitted, ...done, submittedAt: '', finishedAt: null, duplicate: submitted.duplicate }
  }

  const periodsOf = (personId: number, employerId: number) =>
    test.database.db
      .select()
      .from(participationPeriods)
      .where(
        and(eq(participationPeriods.personId, personId), eq(participationPeriods.employerId, employerId)),
      )
      .orderBy(asc(participationPeriods.scheme), asc(participationPeriods.fromMonth))

  let firstId = 0

  it('applies the good rows of a 1,000-row CSV and reports the bad ones by row, column and reason', async () => {
    const done = await importFile(
      'd02-lt.csv',
      declarationsCsv(generated.rows, { bom: true, delimiter: ';' }),
    )
    firstId = done.id
    expect(done).toMatchObject({
      status: 'done',
      rowsTotal: 1_000,
      rowsRead: 1_000,
      rowsApplied: 950,
      rowsUnchanged: 0,
      rowsRefused: 50,
    })
    const errors = await rowErrorsOf(test.database.db, done.id)
    expect(errors.map(({ rowNumber, column }) => ({ rowNumber, column }))).toEqual(generated.faults)
    for (const error of errors) expect(error.reason).not.toBe('')
    const reasonAt = (column: DeclarationColumn) => errors.filter((error) => error.column === column)
    expect(reasonAt(DeclarationColumn.BhxhCode).map((error) => error.reason)).toContain(PERSON_NOT_FOUND)
    expect(reasonAt(DeclarationColumn.Month).map((error) => error.reason)).toContain(
      `Tháng ${formatMonth(addMonths(generated.month, 2))} chưa đến.`,
    )
  })

  it('changes the participation periods as declared', async () => {
    const previous = addMonths(generated.month, -1)
    const [increase] = generated.samples.increase
    const [decrease] = generated.samples.decrease
    const [adjust] = generated.samples.adjust
    if (!increase || !decrease || !adjust) throw new Error('missing samples')

    const opened = await periodsOf(increase.personId, increase.employerId)
    expect(opened.length).toBeGreaterThan(0)
    for (const period of opened)
      expect(period).toMatchObject({
        fromMonth: increase.month,
        toMonth: null,
        contributionBase: increase.contributionBase,
      })

    const closed = await periodsOf(decrease.personId, decrease.employerId)
    expect(closed.some((period) => period.toMonth === previous)).toBe(true)
    expect(closed.every((period) => period.toMonth !== null)).toBe(true)

    const adjusted = await periodsOf(adjust.personId, adjust.employerId)
    const social = adjusted.filter((period) => period.scheme === 'compulsory_social')
    expect(social.at(-1)).toMatchObject({
      fromMonth: adjust.month,
      toMonth: null,
      contributionBase: adjust.contributionBase,
    })
    expect(social.at(-2)?.toMonth).toBe(previous)
  })

  it('answers the same bytes with the earlier import, marked duplicate', async () => {
    const again = await submitImport(
      test.app.deps,
      {
        kind: ImportKind.EmployerDeclarations,
        fileName: 'again.csv',
        bytes: declarationsCsv(generated.rows, { bom: true, delimiter: ';' }),
      },
      { kind: 'staff', staff },
    )
    expect(again).toMatchObject({ id: firstId, duplicate: true, rowsApplied: 950 })
  })

  it('changes nothing when the same rows come again as a workbook', async () => {
    const before = await test.database.db.$count(participationPeriods)
    const done = await importFile('d02-lt.xlsx', await declarationsXlsx(generated.rows))
    expect(done).toMatchObject({
      status: 'done',
      duplicate: false,
      rowsTotal: 1_000,
      rowsApplied: 0,
      rowsUnchanged: 950,
      rowsRefused: 50,
    })
    expect(await test.database.db.$count(participationPeriods)).toBe(before)
    const errors = await rowErrorsOf(test.database.db, done.id)
    expect(errors.map(({ rowNumber, column }) => ({ rowNumber, column }))).toEqual(generated.faults)
  })

  it('applies rows in file order, each against what the earlier ones did', async () => {
    const [employer] = await test.database.db
      .select({ id: employers.id, unitCode: employers.unitCode })
      .from(employers)
      .orderBy(asc(employers.id))
      .limit(1)
    if (!employer) throw new Error('no employer')
    const [person] = await test.database.db
      .select()
      .from(people)
      .where(
        sql`not exists (select 1 from ${participationPeriods} where ${participationPeriods.personId} = ${people.id}
          and ${participationPeriods.employerId} = ${employer.id})`,
      )
      .orderBy(desc(people.id))
      .limit(1)
    if (!person?.bhxhCode) throw new Error('no person')
    const month = generated.month
    const row = (change: string, at: number, base: string, schemes = 'BHXH') => ({
      [DeclarationColumn.UnitCode]: employer.unitCode,
      [DeclarationColumn.Month]: formatMonth(at),
      [DeclarationColumn.BhxhCode]: person.bhxhCode ?? '',
      [DeclarationColumn.FullName]: person.fullName,
      [DeclarationColumn.Birth]: String(person.birthYear),
      [DeclarationColumn.Change]: change,
      [DeclarationColumn.ContributionBase]: base,
      [DeclarationColumn.Schemes]: schemes,
    })
    const done = await importFile(
      'thu-tu.csv',
      declarationsCsv([
        row('Tăng', addMonths(month, -3), '6.000.000'),
        row('Tăng', addMonths(month, -2), '6.000.000'), // already open
        row('Điều chỉnh', addMonths(month, -1), '7.000.000'),
        row('Giảm', month, '', 'BHYT'), // no BHYT period here
        row('Giảm', month, ''),
      ]),
    )
    expect(done).toMatchObject({ rowsApplied: 3, rowsRefused: 2 })
    expect((await rowErrorsOf(test.database.db, done.id)).map((error) => error.rowNumber)).toEqual([3, 5])
    const periods = await periodsOf(person.id, employer.id)
    expect(
      periods.map(({ fromMonth, toMonth, contributionBase }) => [fromMonth, toMonth, contributionBase]),
    ).toEqual([
      [addMonths(month, -3), addMonths(month, -2), 6_000_000],
      [addMonths(month, -1), addMonths(month, -1), 7_000_000],
    ])
  })

  it('numbers rows as Excel shows them: title lines and blank rows count', async () => {
    const [applied] = generated.rows
    if (!applied) throw new Error('no rows')
    const title = Buffer.from('DANH SÁCH LAO ĐỘNG THAM GIA BHXH, BHYT, BHTN, BHTNLĐ-BNN\r\n')
    const list = declarationsCsv([applied, {}, { ...applied, [DeclarationColumn.Month]: '13/2025' }])
    const done = await importFile('tieu-de.csv', Buffer.concat([title, list]))
    expect(done).toMatchObject({ status: 'done', rowsTotal: 2, rowsUnchanged: 1, rowsRefused: 1 })
    expect(await rowErrorsOf(test.database.db, done.id)).toEqual([
      { rowNumber: 5, column: DeclarationColumn.Month, reason: 'Tháng không hợp lệ (định dạng mm/yyyy).' },
    ])
  })

  it('fails a file that is not a list, and an old .xls workbook', async () => {
    const text = await importFile('ghi-chu.csv', Buffer.from('Xin chào\r\nđây không phải danh sách\r\n'))
    expect(text).toMatchObject({
      status: 'failed',
      failure: expect.stringContaining('Không tìm thấy dòng tiêu đề'),
    })
    const xls = await importFile(
      'cu.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    )
    expect(xls).toMatchObject({ status: 'failed', failure: expect.stringContaining('.xls') })
  })

  it('fails a file without the required columns, naming them', async () => {
    const header = declarationHeader.filter(
      (column) => column !== DeclarationColumn.ContributionBase && column !== DeclarationColumn.Birth,
    )
    const done = await importFile('thieu-cot.csv', declarationsCsv(generated.rows.slice(0, 3), { header }))
    expect(done.status).toBe('failed')
    expect(done.failure).toContain(DeclarationColumn.ContributionBase)
    expect(done.failure).toContain(DeclarationColumn.Birth)
    expect(done.rowsApplied).toBe(0)
  })
})
