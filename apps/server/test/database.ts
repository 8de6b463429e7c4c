import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import { type DatabaseHandle, openDatabase } from '../src/db/client'

/** The backends database tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export type TestBackend = 'pglite' | 'postgres'

export function testBackends(): TestBackend[] {
  return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite']
}

/**
 * A fresh, migrated database with reference data, private to the caller: a clone of the template that
 * global setup prepared (PGlite data-dir dump, or `CREATE DATABASE … TEMPLATE` on PostgreSQL).
 */
export async function createTestDatabase(backend: TestBackend = 'pglite'): Promise<DatabaseHandle> {
  if (backend === 'pglite') {
    const dump = inject('pgliteTemplate')
    return openDatabase({
      kind: 'pglite',
      dataDir: null,
      loadDataDir: new Blob([Buffer.from(dump, 'base64')]),
    })
  }
  const template = inject('postgresTemplate')
  if (!template) throw new Error('TEST_DATABASE_URL is not set')
  // Named after this run's template, so a run's teardown never touches another run's databases.
  const name = `${template.database}_${randomBytes(6).toString('hex')}`
  await withAdminClient(template.adminUrl, (client) =>
    client.query(`create database ${name} template ${template.database}`),
  )
  const handle = await openDatabase({
    kind: 'postgres',
    url: urlWithDatabase(template.adminUrl, name),
    poolSize: 4,
  })
  const close = handle.close
  return {
    ...handle,
    close: async () => {
      await close()
      await withAdminClient(template.adminUrl, (client) => client.query(`drop database if exists ${name}`))
    },
  }
}

export function urlWithDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

export async function withAdminClient<T>(
  adminUrl: string,
  work: (client: import('pg').Client) => Promise<T>,
): Promise<T> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string
    postgresTemplate: { adminUrl: string; database: string } | null
  }
}
