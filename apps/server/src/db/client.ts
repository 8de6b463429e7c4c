import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm'
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres'
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import * as schema from './schema'

export type Schema = typeof schema
/** Any drizzle executor over our schema: the database itself or an open transaction. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
export type Executor = Database | Transaction

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

export type DatabaseHandle = {
  db: Database
  kind: 'pglite' | 'postgres'
  /** Runs the checked-in migrations; safe to call on every start. */
  migrate(): Promise<void>
  /** Cheap round trip used by /readyz. */
  ping(): Promise<void>
  close(): Promise<void>
  /** Low-level access for bulk loading (COPY on PostgreSQL, multi-row inserts on PGlite). */
  raw: { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; pool: pg.Pool }
}

export type DatabaseOptions =
  | {
      kind: 'postgres'
      url: string
      poolSize?: number
      applicationName?: string
      /** An idle pooled connection broke (server restart, failover); the pool replaces it. */
      onConnectionError?: (error: Error) => void
    }
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob }

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.kind === 'postgres' ? openPostgres(options) : openPglite(options)
}

async function openPostgres(
  options: Extract<DatabaseOptions, { kind: 'postgres' }>,
): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'ansinh',
    connectionTimeoutMillis: 5_000,
  })
  // Without a listener, a broken idle connection is an uncaught 'error' event that ends the process.
  pool.on('error', (error) => options.onConnectionError?.(error))
  const db = drizzleNodePg(pool, { schema, casing: 'snake_case' }) as unknown as Database
  return {
    db,
    kind: 'postgres',
    raw: { kind: 'postgres', pool },
    migrate: () => migrateNodePg(drizzleNodePg(pool), { migrationsFolder }),
    ping: async () => {
      await pool.query('select 1')
    },
    close: () => pool.end(),
  }
}

async function openPglite(options: Extract<DatabaseOptions, { kind: 'pglite' }>): Promise<DatabaseHandle> {
  const releaseLock = options.dataDir ? lockDataDir(options.dataDir) : () => {}
  const client = await PGlite.create({
    // Migration 0017 creates pg_trgm (the employer name index); PGlite must have it loaded first.
    extensions: { pg_trgm },
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  })
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Database
  return {
    db,
    kind: 'pglite',
    raw: { kind: 'pglite', client },
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    ping: async () => {
      await client.query('select 1')
    },
    close: async () => {
      await client.close()
      releaseLock()
    },
  }
}

/**
 * PGlite is PostgreSQL inside this process: two processes on one data directory would each believe
 * they own it and silently lose each other's writes. A lock file with the owner's pid prevents that;
 * a lock left by a process that no longer runs is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const lockFile = `${dataDir}.lock`
  const owner = readLockOwner(lockFile)
  if (owner !== null && owner !== process.pid && isRunning(owner)) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by process ${owner}. Stop it first, or set DATABASE_URL to share a PostgreSQL server.`,
    )
  }
  writeFileSync(lockFile, String(process.pid))
  return () => rmSync(lockFile, { force: true })
}

function readLockOwner(lockFile: string): number | null {
  if (!existsSync(lockFile)) return null
  const pid = Number(readFileSync(lockFile, 'utf8').trim())
  return Number.isInteger(pid) && pid > 0 ? pid : null
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Runs raw SQL on either engine; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}

/**
 * The unique constraint a failed insert or update hit, or null for any other error. Drizzle wraps the
 * driver's error (`cause`) on some paths and not on others; both carry SQLSTATE 23505.
 */
export function violatedUniqueConstraint(error: unknown): string | null {
  const cause =
    (error as { cause?: { code?: string; constraint?: string } }).cause ??
    (error as { code?: string; constraint?: string })
  return cause?.code === '23505' ? (cause.constraint ?? null) : null
}
