import { eq, inArray } from 'drizzle-orm'
import type { DatabaseHandle, Executor } from '../../../db/client'
import { citizenAccounts, offices, people, staffAccounts } from '../../../db/schema'
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
  | {
      skipped: true
      /** Demo staff added to a demo seeded by an earlier version (its people stay as they were). */
      addedDemoStaff?: string[]
    }
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
 * The demo accounts are written last, in one transaction, so the demo citizen's account marks a
 * finished seed: people without it mean an earlier seed was interrupted, and this refuses to guess what
 * to do with the half-written registry. A finished seed of an earlier version gets the demo staff added
 * since (the README lists them all), so an old data folder keeps working.
 */
export async function seedDemo(handle: DatabaseHandle, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const started = performance.now()
  const existing = await handle.db.select({ id: people.id }).from(people).limit(1)
  if (existing.length > 0) {
    if (!(await demoCitizenExists(handle))) throw new IncompleteSeedError()
    const added = await createMissingDemoStaff(handle, options.totpKey)
    return added.length > 0 ? { skipped: true, addedDemoStaff: added } : { skipped: true }
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

async function demoCitizenExists(handle: DatabaseHandle): Promise<boolean> {
  const found = await handle.db
    .select({ id: citizenAccounts.id })
    .from(citizenAccounts)
    .where(eq(citizenAccounts.username, demoAccounts.citizen.username))
  return found.length > 0
}

/** The demo staff an earlier version did not have; their usernames. */
async function createMissingDemoStaff(handle: DatabaseHandle, totpKey: Buffer): Promise<string[]> {
  const found = await handle.db
    .select({ username: staffAccounts.username })
    .from(staffAccounts)
    .where(
      inArray(
        staffAccounts.username,
        demoAccounts.staff.map((account) => account.username),
      ),
    )
  const missing = demoAccounts.staff.filter(
    (account) => !found.some((row) => row.username === account.username),
  )
  if (missing.length > 0) await handle.db.transaction((tx) => createDemoStaff(tx, missing, totpKey))
  return missing.map((account) => account.username)
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
    await createDemoStaff(tx, staff, totpKey)
  })
}

async function createDemoStaff(
  tx: Executor,
  staff: readonly (typeof demoAccounts.staff)[number][],
  totpKey: Buffer,
) {
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
}
