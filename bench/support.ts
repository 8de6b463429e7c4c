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

/** mulberry32: the same seed picks the same people on the same data. */
export function random(state: number): () => number {
  let a = state >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: readonly number[], share: number): number | undefined {
  if (sorted.length === 0) return undefined
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]
}
