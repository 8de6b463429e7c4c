import type { HealthCardGroupCode } from '@ansinh/domain'
import type {
  benefits,
  employers,
  healthCards,
  households,
  medicalVisits,
  participationPeriods,
  people,
} from '../../../db/schema'

/**
 * Rows as the generator emits them. Ids are local to one generated population (1, 2, 3, …) and so are
 * the references between rows; the writer shifts them past the ids already in the database.
 */
type WithId<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt'> & { id: number }

export type EmployerRow = WithId<typeof employers.$inferInsert>
export type HouseholdRow = WithId<typeof households.$inferInsert>
export type PersonRow = WithId<typeof people.$inferInsert>
export type ParticipationPeriodRow = WithId<typeof participationPeriods.$inferInsert>
export type BenefitRow = WithId<typeof benefits.$inferInsert>
export type MedicalVisitRow = WithId<typeof medicalVisits.$inferInsert>
export type HealthCardRow = WithId<typeof healthCards.$inferInsert>

/** One chunk of the population: whole households with everything that hangs off their members. */
export type PopulationBatch = {
  employers: EmployerRow[]
  households: HouseholdRow[]
  people: PersonRow[]
  participationPeriods: ParticipationPeriodRow[]
  benefits: BenefitRow[]
  medicalVisits: MedicalVisitRow[]
  healthCards: HealthCardRow[]
}

export type PopulationTable = keyof PopulationBatch

/** Tables in the order their rows must be written (parents before children). */
export const populationTables = [
  'employers',
  'households',
  'people',
  'participationPeriods',
  'benefits',
  'medicalVisits',
  'healthCards',
] as const satisfies readonly PopulationTable[]

export function emptyBatch(): PopulationBatch {
  return {
    employers: [],
    households: [],
    people: [],
    participationPeriods: [],
    benefits: [],
    medicalVisits: [],
    healthCards: [],
  }
}

/** Groups (mã đối tượng) the demo population is drawn from; levels come from `expectedBenefitLevel`. */
export type HealthGroup = Extract<
  HealthCardGroupCode,
  'DN' | 'HC' | 'HX' | 'HT' | 'TN' | 'TE' | 'HS' | 'SV' | 'GD' | 'CN' | 'HN'
>
