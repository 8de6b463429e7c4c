import { asc, eq, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { employers, participationPeriods } from '../../db/schema/registry'
import { containsText } from '../../db/text-search'

/** How an employer search reads its text: an exact code, or part of the folded name. */
export type EmployerMatch = { unitCode: string } | { taxCode: string } | { foldedName: string }

/**
 * Employer units (đơn vị) for the public look-up, with today's number of compulsory participants.
 * Unit code and tax code hit their b-tree indexes; the name hits `employers_folded_trgm_idx` (GIN,
 * pg_trgm, migration 0017), which serves `like '%…%'` for 3+ characters. The count reads the partial
 * index `participation_open_compulsory_employer_idx` (open compulsory periods by employer): one index
 * range per employer of the page, which is at most 10 rows + 1. Fetches `limit + 1` rows so the
 * caller can tell whether another page follows.
 */
export async function searchEmployers(
  db: Executor,
  match: EmployerMatch,
  page: { offset: number; limit: number },
) {
  const e = employers
  const p = participationPeriods
  const where =
    'unitCode' in match
      ? eq(e.unitCode, match.unitCode)
      : 'taxCode' in match
        ? eq(e.taxCode, match.taxCode)
        : containsText(e.foldedName, match.foldedName)
  const participants = sql<number>`(select count(*)::int from ${p}
      where ${p.employerId} = ${e.id} and ${p.scheme} = 'compulsory_social' and ${p.toMonth} is null)`
  return (
    db
      .select({
        unitCode: e.unitCode,
        taxCode: e.taxCode,
        name: e.name,
        address: e.address,
        managingOfficeCode: e.managingOfficeCode,
        status: e.status,
        participants,
      })
      .from(e)
      .where(where)
      // Byte order of the folded name: the same on every server whatever its locale.
      .orderBy(sql`${e.foldedName} collate "C"`, asc(e.unitCode))
      .limit(page.limit + 1)
      .offset(page.offset)
  )
}
