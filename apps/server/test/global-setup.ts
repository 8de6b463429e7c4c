import { randomBytes } from 'node:crypto'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../src/db/client'
import { loadReferenceData } from '../src/modules/directory/reference-data'
import { urlWithDatabase, withAdminClient } from './database'

/**
 * Migrates and loads reference data once per run into a template; every test file then clones it,
 * so tests get an isolated database in well under a second.
 */
export async function setup(project: TestProject) {
  const pglite = await openDatabase({ kind: 'pglite', dataDir: null })
  await pglite.migrate()
  await loadReferenceData(pglite.db)
  if (pglite.raw.kind !== 'pglite') throw new Error('unreachable')
  const dump = await pglite.raw.client.dumpDataDir('none')
  project.provide('pgliteTemplate', Buffer.from(await dump.arrayBuffer()).toString('base64'))
  await pglite.close()

  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) {
    project.provide('postgresTemplate', null)
    return
  }
  const database = `ansinh_run_${randomBytes(4).toString('hex')}`
  await withAdminClient(adminUrl, (client) => client.query(`create database ${database}`))
  const handle = await openDatabase({
    kind: 'postgres',
    url: urlWithDatabase(adminUrl, database),
    poolSize: 2,
  })
  await handle.migrate()
  await loadReferenceData(handle.db)
  await handle.close()
  project.provide('postgresTemplate', { adminUrl, database })
  return async () => {
    await withAdminClient(adminUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        `select datname from pg_database where datname like $1 or datname = $2`,
        [`${database}\\_%`, database],
      )
      for (const row of rows) await client.query(`drop database if exists ${row.datname} with (force)`)
    })
  }
}
