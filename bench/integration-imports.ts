/**
 * Imports against COPY (issue 9): rows per second of a claims file (XML 130) and of an employer's
 * declaration list (D02-LT) read and applied by the import runner on PostgreSQL, next to a raw COPY of
 * the same rows (their fields as text) into a bare unlogged table with no index, measured in the same
 * run on the same database.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/ansinh_bench_imports npm run bench:imports -- \
 *     --people 80000 --claims 100000 --declarations 50000
 *
 * The database is dropped and created again (its name must contain "bench"). Prints counts and
 * timings only, never personal data.
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { parseArgs } from 'node:util'
import type { ImportKind } from '@ansinh/domain'
import { eq } from 'drizzle-orm'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { type DatabaseHandle, openDatabase } from '../apps/server/src/db/client'
import { staffAccounts } from '../apps/server/src/db/schema'
import { loadReferenceData } from '../apps/server/src/modules/directory/reference-data'
import type { StaffActor } from '../apps/server/src/modules/identity/staff-actor'
import { claimsFormat } from '../apps/server/src/modules/integration/claims-format'
import { declarationsFormat } from '../apps/server/src/modules/integration/declarations-format'
import type { ImportFormat } from '../apps/server/src/modules/integration/import-format'
import { findImport } from '../apps/server/src/modules/integration/import-repo'
import { runPendingImports } from '../apps/server/src/modules/integration/import-runner'
import { submitImport } from '../apps/server/src/modules/integration/submit-import'
import { seedDemo } from '../apps/server/src/modules/registry/demo-population'
import { createEncryptedFileStore } from '../apps/server/src/platform/encrypted-files'
import { claimsXml, generatedClaims } from '../apps/server/test/claims-fixtures'
import { declarationsCsv, generatedDeclarations } from '../apps/server/test/declarations-fixtures'
import { createFreshBenchDatabase } from './support'

const { values } = parseArgs({
  options: {
    // Every declaration row is a different person: half again as many people as rows.
    people: { type: 'string', default: '80000' },
    claims: { type: 'string', default: '100000' },
    declarations: { type: 'string', default: '50000' },
  },
})
const url = process.env.DATABASE_URL
if (!url) {
  console.error('DATABASE_URL must name a throw-away PostgreSQL database called *bench*.')
  process.exit(2)
}
const count = (value: number) => Math.round(value).toLocaleString('en-US')

await createFreshBenchDatabase(url)
const database = await openDatabase({ kind: 'postgres', url, poolSize: 4, applicationName: 'ansinh-bench' })
const filesDir = await mkdtemp(path.join(tmpdir(), 'ansinh-bench-imports-'))
try {
  await database.migrate()
  await loadReferenceData(database.db)
  await seedDemo(database, {
    people: Number(values.people),
    seed: 1,
    totpKey: randomBytes(32),
    deferIndexes: true,
  })
  const files = createEncryptedFileStore({ directory: filesDir, key: randomBytes(32) })
  const deps = { database, files, clock: () => new Date() }
  const staff = await benchStaff(database)

  const claims = await generatedClaims(database.db, {
    count: Number(values.claims),
    badShare: 0.05,
    claimPrefix: 'BENCH',
  })
  await measure(
    deps,
    staff,
    'hospital_claims',
    claimsFormat,
    claimsXml(claims.records, { compact: true }),
    'claims.xml',
  )
  const declarations = await generatedDeclarations(database.db, {
    count: Number(values.declarations),
    badShare: 0.05,
  })
  await measure(
    deps,
    staff,
    'employer_declarations',
    declarationsFormat,
    declarationsCsv(declarations.rows),
    'd02.csv',
  )
} finally {
  await database.close()
  await rm(filesDir, { recursive: true, force: true })
}

async function measure(
  deps: Parameters<typeof submitImport>[0],
  staff: StaffActor,
  kind: ImportKind,
  format: ImportFormat<unknown>,
  bytes: Buffer,
  fileName: string,
) {
  const started = performance.now()
  const view = await submitImport(deps, { kind, fileName, bytes }, { kind: 'staff', staff })
  const storeMs = performance.now() - started
  await runPendingImports(deps, { [kind]: format })
  const importMs = performance.now() - started
  const done = await findImport(deps.database.db, view.id)
  const rows = done?.rowsTotal ?? 0

  // The file read and its rows checked on their own, without the database: the ceiling of the
  // import on this machine whatever the database does.
  const readStarted = performance.now()
  for await (const _row of format.read(Readable.from([bytes]), fileName));
  const readMs = performance.now() - readStarted

  // The same rows, as read from the file, copied as text into a bare table: what the disk and the
  // server take for the bytes alone.
  const text = await copyText(format, bytes, fileName)
  const copyMs = await copyIntoBareTable(deps.database, text.columns, text.lines)
  console.log(
    `${kind}: ${count(rows)} rows (${count(done?.rowsApplied ?? 0)} applied, ${count(done?.rowsRefused ?? 0)} refused), ` +
      `${(bytes.length / 1024 / 1024).toFixed(1)} MB\n` +
      `  import (store, read, check, apply): ${(importMs / 1000).toFixed(2)} s = ${count((rows / importMs) * 1000)} rows/s\n` +
      `    of which storing the file (hash, encrypt, write): ${(storeMs / 1000).toFixed(2)} s\n` +
      `  reading the file alone (no database): ${(readMs / 1000).toFixed(2)} s = ${count((rows / readMs) * 1000)} rows/s\n` +
      `  COPY of the same rows into a bare table: ${(copyMs / 1000).toFixed(2)} s = ${count((rows / copyMs) * 1000)} rows/s\n` +
      `  import / COPY: ${((copyMs / importMs) * 100).toFixed(0)} %`,
  )
}

/** The file's rows as COPY text: the fields each format reads, one text column per field. */
async function copyText(format: ImportFormat<unknown>, bytes: Buffer, fileName: string) {
  const lines: string[] = []
  let columns: string[] = []
  for await (const row of format.read(Readable.from([bytes]), fileName)) {
    if (!('fields' in row)) continue
    const fields = row.fields as Record<string, unknown>
    if (columns.length === 0) columns = Object.keys(fields)
    lines.push(columns.map((column) => copyValue(fields[column])).join('\t'))
  }
  return { columns, lines }
}

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N'
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value)
  return text.replace(
    /[\\\t\n\r]/g,
    (character) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[character] ?? '',
  )
}

async function copyIntoBareTable(
  database: DatabaseHandle,
  columns: string[],
  lines: string[],
): Promise<number> {
  if (database.raw.kind !== 'postgres') throw new Error('the COPY baseline needs PostgreSQL')
  const client: pg.PoolClient = await database.raw.pool.connect()
  try {
    await client.query('drop table if exists bench_copy')
    await client.query(
      `create unlogged table bench_copy (${columns.map((column) => `"${column}" text`).join(', ')})`,
    )
    const started = performance.now()
    await new Promise<void>((resolve, reject) => {
      const stream = client.query(copyFrom(`copy bench_copy from stdin`))
      stream.on('finish', () => resolve())
      stream.on('error', reject)
      stream.end(`${lines.join('\n')}\n`)
    })
    return performance.now() - started
  } finally {
    await client.query('drop table if exists bench_copy')
    client.release()
  }
}

async function benchStaff(database: DatabaseHandle): Promise<StaffActor> {
  const [row] = await database.db.select().from(staffAccounts).where(eq(staffAccounts.username, 'vss.admin'))
  if (!row) throw new Error('the demo staff are missing')
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    officeCode: row.officeCode,
    role: row.role,
    reach: ['000'],
    sessionId: '',
    ip: '127.0.0.1',
  }
}
