import { sql } from 'drizzle-orm'
import { type Executor, queryRows } from '../../db/client'

/**
 * Fixed-window counters in `recipient_counters`, one row per key and window. The upsert takes the
 * row's lock until the caller's transaction ends, so concurrent requests for the same recipient are
 * counted one after the other, in every process.
 */
export async function incrementCounter(tx: Executor, key: string, windowStart: Date): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    tx,
    sql`
      insert into recipient_counters (key, window_start, count)
      values (${key}, ${windowStart.toISOString()}::timestamptz, 1)
      on conflict (key, window_start) do update set count = recipient_counters.count + 1
      returning count`,
  )
  return Number(row?.count ?? 0)
}

/** The count of a key in a window, without counting (0 when nothing was counted). */
export async function readCounter(db: Executor, key: string, windowStart: Date): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`select count from recipient_counters where key = ${key} and window_start = ${windowStart.toISOString()}::timestamptz`,
  )
  return Number(row?.count ?? 0)
}

/** Deletes windows that started before `before`; a scheduled job calls it (rows are useless after their hour). */
export async function pruneCounters(db: Executor, before: Date): Promise<number> {
  const [row] = await queryRows<{ deleted: number | string }>(
    db,
    sql`
      with deleted as (
        delete from recipient_counters where window_start < ${before.toISOString()}::timestamptz returning 1
      )
      select count(*) as deleted from deleted`,
  )
  return Number(row?.deleted ?? 0)
}
