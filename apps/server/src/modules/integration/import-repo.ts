import { type ImportKind, ImportStatus, type RowError } from '@ansinh/domain'
import { and, asc, eq, lt, or, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { integrationImports, integrationRowErrors } from '../../db/schema'

export type IntegrationImport = typeof integrationImports.$inferSelect
export type NewIntegrationImport = typeof integrationImports.$inferInsert

export async function insertImport(db: Executor, row: NewIntegrationImport): Promise<IntegrationImport> {
  const [inserted] = await db.insert(integrationImports).values(row).returning()
  if (!inserted) throw new Error('import insert returned nothing')
  return inserted
}

export async function findImportByFile(db: Executor, kind: ImportKind, sha256: string) {
  const [row] = await db
    .select()
    .from(integrationImports)
    .where(and(eq(integrationImports.kind, kind), eq(integrationImports.fileSha256, sha256)))
  return row ?? null
}

export async function findImport(db: Executor, id: number): Promise<IntegrationImport | null> {
  const [row] = await db.select().from(integrationImports).where(eq(integrationImports.id, id))
  return row ?? null
}

/**
 * Takes the oldest import waiting, or one whose worker stopped renewing its heartbeat (it died):
 * `skip locked` lets several workers claim different imports at once.
 */
export async function claimImport(
  db: Executor,
  now: Date,
  staleBefore: Date,
): Promise<IntegrationImport | null> {
  return db.transaction(async (tx) => {
    const [waiting] = await tx
      .select({ id: integrationImports.id })
      .from(integrationImports)
      .where(
        or(
          eq(integrationImports.status, ImportStatus.Queued),
          and(
            eq(integrationImports.status, ImportStatus.Running),
            lt(integrationImports.heartbeatAt, staleBefore),
          ),
        ),
      )
      .orderBy(asc(integrationImports.submittedAt), asc(integrationImports.id))
      .limit(1)
      .for('update', { skipLocked: true })
    if (!waiting) return null
    const [claimed] = await tx
      .update(integrationImports)
      .set({
        status: ImportStatus.Running,
        heartbeatAt: now,
        startedAt: sql`coalesce(${integrationImports.startedAt}, ${now})`,
      })
      .where(eq(integrationImports.id, waiting.id))
      .returning()
    return claimed ?? null
  })
}

/** A batch's progress, written in the batch's own transaction: what is counted is what was applied. */
export async function recordBatch(
  tx: Executor,
  id: number,
  batch: { read: number; applied: number; unchanged: number; errors: RowError[] },
  now: Date,
): Promise<void> {
  if (batch.errors.length > 0)
    await tx.insert(integrationRowErrors).values(batch.errors.map((error) => ({ importId: id, ...error })))
  const refusedRows = new Set(batch.errors.map((error) => error.rowNumber)).size
  await tx
    .update(integrationImports)
    .set({
      rowsRead: sql`${integrationImports.rowsRead} + ${batch.read}`,
      rowsApplied: sql`${integrationImports.rowsApplied} + ${batch.applied}`,
      rowsUnchanged: sql`${integrationImports.rowsUnchanged} + ${batch.unchanged}`,
      rowsRefused: sql`${integrationImports.rowsRefused} + ${refusedRows}`,
      heartbeatAt: now,
    })
    .where(eq(integrationImports.id, id))
}

export async function finishImport(
  db: Executor,
  id: number,
  outcome:
    | { status: typeof ImportStatus.Done; rowsTotal: number }
    | { status: typeof ImportStatus.Failed; failure: string },
  now: Date,
): Promise<void> {
  await db
    .update(integrationImports)
    .set({ ...outcome, finishedAt: now, heartbeatAt: null })
    .where(eq(integrationImports.id, id))
}

export async function rowErrorsOf(db: Executor, importId: number): Promise<RowError[]> {
  return db
    .select({
      rowNumber: integrationRowErrors.rowNumber,
      column: integrationRowErrors.column,
      reason: integrationRowErrors.reason,
    })
    .from(integrationRowErrors)
    .where(eq(integrationRowErrors.importId, importId))
    .orderBy(asc(integrationRowErrors.rowNumber), asc(integrationRowErrors.id))
}
