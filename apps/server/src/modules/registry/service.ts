import { eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { people } from '../../db/schema'

/** What other modules may read of the registry (mã số BHXH → the insured person's record). */

export type RegistryPerson = {
  id: number
  bhxhCode: string | null
  personalId: string | null
  fullName: string
  phone: string | null
  email: string | null
  provinceCode: string
}

const personColumns = {
  id: people.id,
  bhxhCode: people.bhxhCode,
  personalId: people.personalId,
  fullName: people.fullName,
  phone: people.phone,
  email: people.email,
  provinceCode: people.provinceCode,
}

export async function findPersonByBhxhCode(db: Executor, bhxhCode: string): Promise<RegistryPerson | null> {
  const [person] = await db.select(personColumns).from(people).where(eq(people.bhxhCode, bhxhCode))
  return person ?? null
}

/** The contact data the registry holds for a person (thông tin liên hệ), as a change of information edits it. */
export type ContactData = {
  phone: string | null
  email: string | null
  addressCodeSet: (typeof people.$inferSelect)['addressCodeSet']
  provinceCode: string
  districtCode: string | null
  communeCode: string | null
  street: string | null
}

/** The contact data of any record that holds it (a person, a dossier), without the rest. */
export function contactDataOf(record: ContactData): ContactData {
  const { phone, email, addressCodeSet, provinceCode, districtCode, communeCode, street } = record
  return { phone, email, addressCodeSet, provinceCode, districtCode, communeCode, street }
}

/** An account holder's record: who they are, their ID documents and how to reach them. */
export type RegistryContact = RegistryPerson &
  ContactData & { legacyIdNumber: string | null; passportNumber: string | null }

export async function findPersonById(db: Executor, id: number): Promise<RegistryContact | null> {
  const [person] = await db
    .select({
      ...personColumns,
      legacyIdNumber: people.legacyIdNumber,
      passportNumber: people.passportNumber,
      addressCodeSet: people.addressCodeSet,
      districtCode: people.districtCode,
      communeCode: people.communeCode,
      street: people.street,
    })
    .from(people)
    .where(eq(people.id, id))
  return person ?? null
}

export async function updatePersonContact(db: Executor, id: number, contact: ContactData, at: Date) {
  await db
    .update(people)
    .set({ ...contact, updatedAt: at })
    .where(eq(people.id, id))
}
