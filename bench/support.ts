import pg from 'pg'

/** Drops and creates the database `url` names, which must be a throw-away one called *bench*. */
export async function createFreshBenchDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  if (!name.includes('bench') || !/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`DATABASE_URL must name a throw-away database called *bench* (got "${name}")`)
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    // Always a fresh database: an outbox (or migrations) left by an earlier run would skew the figures.
    await client.query(`drop database if exists ${name} with (force)`)
    await client.query(`create database ${name}`)
  } finally {
    await client.end()
  }
}
