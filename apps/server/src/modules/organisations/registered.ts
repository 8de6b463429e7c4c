import { sql } from 'drizzle-orm'

/**
 * "Registered" (đã đăng ký) as the adoption figures count it, written once for the figures, the member
 * list and the reminders: a citizen account of any status, or a registration dossier — the person's
 * own or one filed for a child — pending, valid or waiting for its BHXH code.
 */
const filedDossier = `d.kind in ('new', 'child') and d.status in ('pending', 'valid', 'needs_bhxh_code')`

/** The BHXH codes with a filed dossier, to join a whole subtree's members against at once. */
export const FILED_DOSSIER_CODES = sql.raw(
  `select distinct d.bhxh_code from dossiers d where ${filedDossier}`,
)

/** Whether the person `p` (an alias of `people` in the query) has registered. */
export const personRegistered = sql.raw(
  `(exists (select 1 from citizen_accounts a where a.person_id = p.id)
    or exists (select 1 from dossiers d where d.bhxh_code = p.bhxh_code and ${filedDossier}))`,
)
