import { eq, inArray } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../db/client'
import { offices, people, staffAccounts } from '../../../db/schema'
import { createCitizenAccount, createStaffAccount } from '../../identity/accounts'
import { ensureDemoOrganisation } from '../../organisations/demo-organisations'
import { currentMonthStart, generateDemoPopulation } from './generate'
import { loadDemoReference } from './reference'
import type { PopulationTable } from './types'
import { buildWellKnownBatch, demoAccounts } from './well-known'
import { writeDemoPopulation } from './writer'

export type SeedDemoOptions = {
  /** FILE_ENCRYPTION_KEY: the demo staff's TOTP secrets are stored encrypted with it, like everyone's. */
  totpKey: Buffer
  /** Generated people besides the well-known ones. */
  people?: number
  seed?: number
  /** See `GenerateOptions.asOf`. */
  asOf?: string
  /** Drop and rebuild secondary indexes around the load (PostgreSQL; worth it from ~100k people). */
  deferIndexes?: boolean
}

export type SeedDemoResult =
  | { skipped: true }
  | {
      skipped: false
      people: number
      rows: Record<PopulationTable, number>
      elapsedMs: number
      /** How to sign in as each demo staff member, for the log of the seed (all of it is published). */
      demoStaff: string[]
    }

/**
 * The first-start demo: the well-known household and accounts, then `people` generated people.
 * Skips when the registry already has people, so it is safe on every start. Needs the reference data
 * (offices, facilities, administrative units) to be loaded first.
 *
 * The demo accounts are written last, so they mark a finished seed: people without them mean an
 * earlier seed was interrupted, and this refuses to guess what to do with the half-written registry.
 */
export async function seedDemo(handle: DatabaseHandle, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const started = performance.now()
  const existing = await handle.db.select({ id: people.id }).from(people).limit(1)
  if (existing.length > 0) {
    if (await demoAccountsExist(handle)) return { skipped: true }
    throw new IncompleteSeedError()
  }
  const asOf = options.asOf ?? currentMonthStart()
  const reference = await loadDemoReference(handle.db)
  await assertDemoOffices(handle)
  const wellKnown = await writeDemoPopulation(handle, [buildWellKnownBatch(reference, asOf)])
  const count = options.people ?? 2_000
  const generated =
    count > 0
      ? await writeDemoPopulation(
          handle,
          generateDemoPopulation({ people: count, seed: options.seed ?? 1, reference, asOf }),
          { deferIndexes: options.deferIndexes ?? false },
        )
      : wellKnown
  const rows = { ...wellKnown.rows }
  if (count > 0)
    for (const table of Object.keys(rows) as PopulationTable[]) rows[table] += generated.rows[table]
  await createDemoAccounts(handle, options.totpKey)
  return {
    skipped: false,
    people: rows.people,
    rows,
    elapsedMs: Math.round(performance.now() - started),
    demoStaff: demoStaffSignIn(),
  }
}

/** One line per demo staff member: username, password, TOTP secret (the README lists the same). */
export function demoStaffSignIn(): string[] {
  return demoAccounts.staff.map(
    (account) =>
      `${account.username} (${account.role}, ${account.officeCode}): password ${account.password}, TOTP secret ${account.totpSecret}`,
  )
}

export class IncompleteSeedError extends Error {
  constructor() {
    super(
      'The registry holds people but no demo accounts: an earlier demo seed was interrupted. ' +
        'Start again from an empty database (for the embedded one: delete DATA_DIR).',
    )
    this.name = 'IncompleteSeedError'
  }
}

async function demoAccountsExist(handle: DatabaseHandle): Promise<boolean> {
  const usernames = demoAccounts.staff.map((account) => account.username)
  const found = await handle.db
    .select({ id: staffAccounts.id })
    .from(staffAccounts)
    .where(inArray(staffAccounts.username, usernames))
  return found.length === usernames.length
}

async function assertDemoOffices(handle: DatabaseHandle) {
  const wanted = demoAccounts.staff.map((account) => account.officeCode)
  const found = await handle.db
    .select({ code: offices.code })
    .from(offices)
    .where(inArray(offices.code, wanted))
  const missing = wanted.filter((code) => !found.some((row) => row.code === code))
  if (missing.length > 0) {
    throw new Error(`Demo seed needs the offices ${missing.join(', ')}: load the reference data first`)
  }
}

async function createDemoAccounts(handle: DatabaseHandle, totpKey: Buffer) {
  const { citizen, staff } = demoAccounts
  const [person] = await handle.db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.bhxhCode, citizen.bhxhCode))
  if (!person) throw new Error('the well-known citizen was not written')
  // One statement at a time: a transaction is one connection, which runs one query at once.
  await handle.db.transaction(async (tx) => {
    await createCitizenAccount(tx, {
      personId: person.id,
      username: citizen.username,
      password: citizen.password,
      mustChangePassword: false,
    })
    for (const account of staff)
      await createStaffAccount(tx, {
        username: account.username,
        fullName: account.fullName,
        officeCode: account.officeCode,
        role: account.role,
        organisationId:
          'organisationCode' in account ? await ensureDemoOrganisation(tx, account.organisationCode) : null,
        password: account.password,
        secondFactor: { totpSecret: account.totpSecret, key: totpKey, enabledAt: new Date() },
      })
  })
}
