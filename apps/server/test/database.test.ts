import { type SQL, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, type Executor, queryRows } from '../src/db/client'
import { people } from '../src/db/schema'
import { createTestDatabase, testBackends } from './database'

/** What the database answered to a statement it refused ('accepted' if it did not); Drizzle wraps the text in the cause. */
function refusalOf(db: Executor, query: SQL): Promise<string> {
  return db.execute(query).then(
    () => 'accepted',
    (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
  )
}

describe.each(testBackends())('test database on %s', (backend) => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await createTestDatabase(backend)
  })
  afterAll(async () => handle?.close())

  it('is migrated and empty of people', async () => {
    const rows = await handle.db.select().from(people)
    expect(rows).toEqual([])
  })

  it('runs on PostgreSQL 15 or later', async () => {
    const [row] = await queryRows<{ server_version_num: string }>(handle.db, sql`show server_version_num`)
    expect(Number(row?.server_version_num)).toBeGreaterThanOrEqual(150000)
  })

  it('marks every personal-data column with a PII comment', async () => {
    const rows = await queryRows<{ table_name: string; column_name: string; comment: string | null }>(
      handle.db,
      sql`select c.table_name, c.column_name, col_description(format('%I', c.table_name)::regclass, c.ordinal_position) as comment
          from information_schema.columns c where c.table_schema = current_schema()`,
    )
    const personal = [
      'people.personal_id',
      'people.bhxh_code',
      'people.legacy_id_number',
      'people.passport_number',
      'people.full_name',
      'people.folded_name',
      'people.birth_year',
      'people.birth_month',
      'people.birth_day',
      'people.street',
      'people.phone',
      'people.email',
      'medical_visits.diagnosis_code',
      'health_cards.card_number',
      'health_cards.legacy_card_number',
      'citizen_accounts.username',
      'staff_accounts.full_name',
      'people.province_code',
      'people.household_id',
      'participation_periods.position',
      'medical_visits.facility_code',
      'medical_visits.total_cost',
      'health_cards.group_code',
      'messages.recipient',
      'messages.body',
      'dossiers.full_name',
      'dossiers.id_number',
      'dossiers.phone',
      'dossiers.street',
      'dossiers.province_code',
      'dossier_photos.file_id',
      'registration_requests.form',
      'organisation_members.person_id',
      'organisation_members.unit',
      'organisation_reminders.person_id',
      'reminder_opt_outs.person_id',
      'citizen_eid_links.subject',
    ]
    const comments = new Map(rows.map((row) => [`${row.table_name}.${row.column_name}`, row.comment]))
    for (const column of personal) expect(comments.get(column), column).toMatch(/^PII/)
  })

  it('refuses a value outside an enum column, even from raw SQL', async () => {
    await expect(
      handle.db.execute(
        sql`insert into messages (kind, channel, recipient, body, status) values ('otp', 'sms', '0912345678', 'x', 'lost')`,
      ),
    ).rejects.toThrow()
    await expect(
      handle.db.execute(
        sql`insert into messages (kind, channel, recipient, body) values ('otp', 'pigeon', '0912345678', 'x')`,
      ),
    ).rejects.toThrow()
  })

  it('keeps the history of a dossier append-only', async () => {
    await handle.db.execute(sql`insert into dossiers (dossier_number, kind, status, condition, bhxh_code, full_name,
      folded_name, id_kind, id_number, address_code_set, province_code, commune_code, street, phone, contact_channel,
      language, office_code, submitted_at, paper_deadline) values ('07915-2612-0000001', 'new', 'pending',
      'awaiting_paper', '7900000001', 'A B', 'a b', 'personal_id', '079176000417', '2025-07-01', '79', '27301', 'x',
      '0900000001', 'sms', 'vi', '07915', now(), current_date)`)
    await handle.db.execute(
      sql`insert into dossier_events (dossier_id, kind, at, actor_kind) select id, 'submitted', now(), 'citizen' from dossiers`,
    )
    expect(await refusalOf(handle.db, sql`update dossier_events set kind = 'expired'`)).toMatch(/append-only/)
    expect(await refusalOf(handle.db, sql`delete from dossier_events`)).toMatch(/append-only/)
  })

  it('keeps the audit log append-only, and the application role may only read and add to it', async () => {
    await handle.db.execute(sql`insert into audit_log (actor_kind, action) values ('system', 'test.write')`)
    expect(await refusalOf(handle.db, sql`update audit_log set action = 'test.changed'`)).toMatch(
      /append-only/,
    )
    expect(await refusalOf(handle.db, sql`delete from audit_log`)).toMatch(/append-only/)
    expect(await refusalOf(handle.db, sql`truncate audit_log`)).toMatch(/append-only/)
    // As the role the application serves as: not even allowed to try.
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local role ansinh_app`)
      await tx.execute(sql`insert into audit_log (actor_kind, action) values ('system', 'test.as_app')`)
      await tx.execute(sql`savepoint before_update`)
      expect(await refusalOf(tx, sql`update audit_log set action = 'x'`)).toMatch(/permission denied/)
      await tx.execute(sql`rollback to savepoint before_update`)
    })
  })

  it('re-running migrations changes nothing', async () => {
    await handle.migrate()
    const rows = await handle.db.select().from(people)
    expect(rows).toEqual([])
  })
})
