import { foldVietnamese, type MemberRole, type OrganisationKind } from '@ansinh/domain'
import type { FastifyInstance } from 'fastify'
import { type StaffSignIn, signInStaff, testStaffPassword } from '../../../test/staff'
import type { Executor } from '../../db/client'
import { organisationMembers, organisations, people } from '../../db/schema'
import { createStaffAccount } from '../identity/accounts'

/**
 * Test data for the collection and reminder tests: organisations, people of the registry and their
 * memberships written directly (the import is H1's and tested there), and organisation
 * administrators signed in through the API.
 */

export async function addOrganisation(
  db: Executor,
  values: { code: string; name: string; kind?: OrganisationKind; parentId?: number; officeCode?: string },
): Promise<number> {
  const [row] = await db
    .insert(organisations)
    .values({
      code: values.code,
      name: values.name,
      foldedName: foldVietnamese(values.name),
      kind: values.kind ?? 'school',
      parentId: values.parentId ?? null,
      officeCode: values.officeCode ?? '07915',
    })
    .returning({ id: organisations.id })
  if (!row) throw new Error('organisation not inserted')
  return row.id
}

export async function addPerson(
  db: Executor,
  values: { bhxhCode: string; fullName: string; phone?: string | null; email?: string | null },
): Promise<number> {
  const [row] = await db
    .insert(people)
    .values({
      bhxhCode: values.bhxhCode,
      fullName: values.fullName,
      foldedName: foldVietnamese(values.fullName),
      birthYear: 2008,
      gender: 'female',
      addressCodeSet: '2025-07-01',
      provinceCode: '79',
      communeCode: '27301',
      street: 'Số 12 Trần Hưng Đạo',
      phone: values.phone ?? null,
      email: values.email ?? null,
    })
    .returning({ id: people.id })
  if (!row) throw new Error('person not inserted')
  return row.id
}

export async function addMember(
  db: Executor,
  organisationId: number,
  personId: number,
  role: MemberRole,
  unit: string | null = null,
): Promise<void> {
  await db.insert(organisationMembers).values({
    organisationId,
    personId,
    role,
    unit,
    foldedUnit: unit === null ? null : foldVietnamese(unit),
  })
}

/** An organisation administrator (quản trị tổ chức) of `organisationId`, signed in. */
export async function signInOrganisationAdmin(
  app: FastifyInstance,
  username: string,
  organisationId: number,
): Promise<StaffSignIn> {
  await createStaffAccount(app.deps.database.db, {
    username,
    fullName: 'Quản Trị Trường Học',
    officeCode: '07915',
    role: 'organisation_admin',
    organisationId,
    password: testStaffPassword,
  })
  return signInStaff(app, username)
}
