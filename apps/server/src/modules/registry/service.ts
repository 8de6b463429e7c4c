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

export async function findPersonByBhxhCode(db: Executor, bhxhCode: string): Promise<RegistryPerson | null> {
  const [person] = await db
    .select({
      id: people.id,
      bhxhCode: people.bhxhCode,
      personalId: people.personalId,
      fullName: people.fullName,
      phone: people.phone,
      email: people.email,
      provinceCode: people.provinceCode,
    })
    .from(people)
    .where(eq(people.bhxhCode, bhxhCode))
  return person ?? null
}
