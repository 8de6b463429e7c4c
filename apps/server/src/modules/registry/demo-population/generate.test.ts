import {
  baseSalary,
  expectedBenefitLevel,
  foldVietnamese,
  isBhxhCode,
  isMobilePhone,
  parseLegacyHealthCardNumber,
  parsePersonalId,
  wageFloor,
} from '@ansinh/domain'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../../test/database'
import { legacyProvinces } from './addresses'
import { generateDemoPopulation } from './generate'
import { isValidMobile } from './identifiers'
import { indexOfDate } from './months'
import type { DemoReference } from './reference'
import { loadDemoReference } from './reference'
import { insertReferenceFixture } from './reference-fixture'
import type { PopulationBatch } from './types'
import { emptyBatch, populationTables } from './types'
import { buildWellKnownBatch } from './well-known'

const asOf = '2026-11-01'
let reference: DemoReference

beforeAll(async () => {
  const handle = await createTestDatabase('pglite')
  await insertReferenceFixture(handle.db)
  reference = await loadDemoReference(handle.db)
  await handle.close()
})

function generateAll(people: number, seed: number, batchSize?: number): PopulationBatch {
  const all = emptyBatch()
  for (const batch of generateDemoPopulation({
    people,
    seed,
    reference,
    asOf,
    ...(batchSize ? { batchSize } : {}),
  })) {
    for (const table of populationTables) (all[table] as unknown[]).push(...batch[table])
  }
  return all
}

describe('generateDemoPopulation: determinism', () => {
  it('gives the same people for the same seed, whatever the batch size', () => {
    const a = generateAll(400, 7, 50)
    const b = generateAll(400, 7, 1000)
    expect(b).toEqual(a)
  })

  it('gives the same first people when more are asked for (and so more employers exist)', () => {
    const small = generateAll(100, 7)
    const large = generateAll(2000, 7)
    expect(large.employers.length).toBeGreaterThan(small.employers.length)
    expect(large.people.slice(0, 95)).toEqual(small.people.slice(0, 95))
  })

  it('gives other people for another seed', () => {
    const a = generateAll(50, 1)
    const b = generateAll(50, 2)
    expect(b.people.map((p) => p.bhxhCode)).not.toEqual(a.people.map((p) => p.bhxhCode))
  })

  it('yields exactly the number of people asked for, in batches', () => {
    const batches = [...generateDemoPopulation({ people: 1234, seed: 3, reference, asOf, batchSize: 200 })]
    expect(batches.length).toBeGreaterThan(5)
    expect(batches.reduce((sum, batch) => sum + batch.people.length, 0)).toBe(1234)
  })
})

describe('generateDemoPopulation: identifiers', () => {
  let cached: PopulationBatch | undefined
  const population = () => {
    cached ??= generateAll(3000, 11)
    return cached
  }

  it('issues personal IDs consistent with birth year, sex and a pre-2025 province', () => {
    const legacy = new Set(legacyProvinces.map(([code]) => `0${code}`))
    for (const person of population().people) {
      const parsed = parsePersonalId(person.personalId ?? '')
      expect(parsed.ok, person.personalId ?? 'null').toBe(true)
      if (!parsed.ok) continue
      expect(parsed.value.birthYear).toBe(person.birthYear)
      expect(parsed.value.gender).toBe(person.gender)
      expect(legacy.has(parsed.value.provinceCode)).toBe(true)
    }
  })

  it('issues unique 10-digit BHXH codes and unique personal IDs', () => {
    const { people } = population()
    const codes = people.map((p) => p.bhxhCode ?? '')
    expect(codes.every(isBhxhCode)).toBe(true)
    expect(new Set(codes).size).toBe(codes.length)
    expect(new Set(people.map((p) => p.personalId)).size).toBe(people.length)
  })

  it('gives valid mobile numbers, 9-digit CMND numbers and plausible emails', () => {
    const { people } = population()
    const phones = people.flatMap((p) => (p.phone ? [p.phone] : []))
    expect(phones.length).toBeGreaterThan(people.length / 2)
    for (const phone of phones) expect(isMobilePhone(phone) && isValidMobile(phone), phone).toBe(true)
    for (const p of people) if (p.legacyIdNumber) expect(p.legacyIdNumber).toMatch(/^\d{9}$/)
    for (const p of people) if (p.email) expect(p.email).toMatch(/^[a-z.]+\d+@[a-z]+\.com$/)
  })

  it('writes names in NFC, family name first, with realistic frequencies', () => {
    const { people } = population()
    for (const p of people) {
      expect(p.fullName.normalize('NFC')).toBe(p.fullName)
      expect(p.fullName.split(' ').length).toBeGreaterThanOrEqual(3)
      expect(p.foldedName).toBe(foldVietnamese(p.fullName))
    }
    const nguyen = people.filter((p) => p.fullName.startsWith('Nguyễn ')).length / people.length
    expect(nguyen).toBeGreaterThan(0.3)
    expect(nguyen).toBeLessThan(0.46)
  })

  it('records dates of birth with mixed precision', () => {
    const { people } = population()
    const yearOnly = people.filter((p) => p.birthMonth === null).length
    const monthOnly = people.filter((p) => p.birthMonth !== null && p.birthDay === null).length
    expect(yearOnly).toBeGreaterThan(0)
    expect(monthOnly).toBeGreaterThan(0)
    expect(people.filter((p) => p.birthDay !== null).length).toBeGreaterThan(people.length * 0.8)
  })

  it('numbers each card with the BHXH code and a legacy number of the right group and level', () => {
    const { people, healthCards } = population()
    const byId = new Map(people.map((p) => [p.id, p]))
    expect(new Set(healthCards.map((c) => c.personId)).size).toBe(healthCards.length)
    for (const card of healthCards) {
      const person = byId.get(card.personId)
      expect(card.cardNumber).toBe(person?.bhxhCode)
      const parsed = parseLegacyHealthCardNumber(card.legacyCardNumber)
      expect(parsed.ok, card.legacyCardNumber).toBe(true)
      if (!parsed.ok) continue
      expect(parsed.value.groupCode).toBe(card.groupCode)
      expect(parsed.value.benefitLevel).toBe(card.benefitLevel)
      expect(parsed.value.bhxhCode).toBe(card.cardNumber)
      expect(card.benefitLevel).toBe(expectedBenefitLevel(parsed.value.groupCode, card.issuedOn))
      if (card.validTo) expect(card.validFrom <= card.validTo).toBe(true)
      expect(card.issuedOn <= asOf).toBe(true)
    }
  })
})

/** The rules every population must keep, generated or hand-written; returns what breaks them. */
function historyProblems(population: PopulationBatch): string[] {
  const problems: string[] = []
  const check = (ok: boolean, what: string) => {
    if (!ok && problems.length < 20) problems.push(what)
  }
  const asOfIndex = indexOfDate(asOf)
  const ageOf = new Map(
    population.people.map((p) => [p.id, asOfIndex - (p.birthYear * 12 + (p.birthMonth ?? 1) - 1)]),
  )
  const byKey = new Map<string, PopulationBatch['participationPeriods']>()
  for (const period of population.participationPeriods) {
    const label = `period ${period.id} (${period.scheme}, person ${period.personId})`
    const to = period.toMonth ?? null
    check(period.contributionBase > 0, `${label}: base not positive`)
    check(to === null || period.fromMonth <= to, `${label}: from after to`)
    check(period.fromMonth % 100 >= 1 && period.fromMonth % 100 <= 12, `${label}: bad month`)
    if (period.scheme === 'compulsory_social') {
      check(period.employerId != null, `${label}: no employer`)
      check(period.contributionBase >= wageFloor(period.fromMonth, 4), `${label}: below the wage floor`)
      check(period.contributionBase <= 20 * baseSalary(period.fromMonth), `${label}: above the ceiling`)
    }
    // Children under 18 are covered by BHYT only, never employed (birth month may be unknown: allow a year).
    if ((ageOf.get(period.personId) ?? 0) < 17 * 12) {
      check(
        period.scheme === 'health' && period.employerId == null,
        `${label}: a child with ${period.scheme}`,
      )
    }
    const key = `${period.personId}/${period.scheme}`
    const list = byKey.get(key)
    if (list) list.push(period)
    else byKey.set(key, [period])
  }
  for (const [key, periods] of byKey) {
    const sorted = [...periods].sort((a, b) => a.fromMonth - b.fromMonth)
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1]?.toMonth ?? null
      check(previous !== null && previous < (sorted[i]?.fromMonth ?? 0), `${key}: periods overlap`)
    }
  }
  for (const benefit of population.benefits) {
    check(benefit.amount > 0, `benefit ${benefit.id}: amount not positive`)
    check(!benefit.toDate || benefit.fromDate <= benefit.toDate, `benefit ${benefit.id}: from after to`)
  }
  const end = Date.parse(`${asOf}T00:00:00+07:00`)
  for (const visit of population.medicalVisits) {
    check(visit.fundPaid + visit.patientPaid === visit.totalCost, `visit ${visit.id}: shares do not add up`)
    check(visit.fundPaid > 0, `visit ${visit.id}: fund paid nothing`)
    check(visit.admittedAt.getTime() < end, `visit ${visit.id}: after the as-of date`)
  }
  return problems
}

describe('generateDemoPopulation: history invariants', () => {
  it('keeps periods of a scheme apart, ordered and above the wage floor; children have BHYT only', () => {
    expect(historyProblems(generateAll(3000, 5))).toEqual([])
    expect(historyProblems(generateAll(3000, 6))).toEqual([])
  })

  it('has varied histories: job moves, unemployment benefit, voluntary BHXH, arrears, pensions', () => {
    const population = generateAll(3000, 5)
    const kinds = new Set(population.benefits.map((b) => b.kind))
    for (const kind of ['sickness', 'maternity', 'unemployment', 'monthly_pension', 'lump_sum'])
      expect(kinds).toContain(kind)
    const schemes = new Set(population.participationPeriods.map((p) => p.scheme))
    expect(schemes).toEqual(
      new Set(['compulsory_social', 'voluntary_social', 'unemployment', 'occupational', 'health']),
    )
    expect(population.participationPeriods.some((p) => (p.owedAmount ?? 0) > 0)).toBe(true)
    const groups = new Set(population.healthCards.map((c) => c.groupCode))
    for (const group of ['DN', 'HT', 'TE', 'HS', 'GD']) expect(groups).toContain(group)
    expect(population.people.some((p) => p.addressCodeSet === '2004-2025' && p.districtCode)).toBe(true)
  })

  it('holds for the well-known demo household too', () => {
    const batch = buildWellKnownBatch(reference, asOf)
    expect(historyProblems(batch)).toEqual([])
    // the citizen, her son, her husband (no account: the one to register), her mother (no account:
    // the local e-ID provider's level 1 identity)
    expect(batch.people).toHaveLength(4)
    expect(batch.healthCards.map((c) => c.groupCode)).toEqual(['DN', 'HS'])
    expect(new Set(batch.benefits.map((b) => b.kind))).toEqual(
      new Set(['unemployment', 'maternity', 'convalescence', 'sickness']),
    )
  })
})
